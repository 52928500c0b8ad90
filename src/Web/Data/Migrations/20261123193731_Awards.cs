using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContestPlatform.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Awards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AwardProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PublishAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResultsHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardProposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PrizeTiers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Places = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountDong = table.Column<long>(type: "INTEGER", nullable: false),
                    Honour = table.Column<int>(type: "INTEGER", nullable: false),
                    Funding = table.Column<int>(type: "INTEGER", nullable: false),
                    Sponsor = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrizeTiers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProposedAwards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    TierId = table.Column<int>(type: "INTEGER", nullable: false),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    CouncilScore = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    VoteScore = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    ChangeReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CertificateCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RevealedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposedAwards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposedAwards_AwardProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "AwardProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProposedAwards_PrizeTiers_TierId",
                        column: x => x.TierId,
                        principalTable: "PrizeTiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommitteeDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposedAwardId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    MemberName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Approve = table.Column<bool>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitteeDecisions_ProposedAwards_ProposedAwardId",
                        column: x => x.ProposedAwardId,
                        principalTable: "ProposedAwards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeDecisions_ProposedAwardId_UserId",
                table: "CommitteeDecisions",
                columns: new[] { "ProposedAwardId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PrizeTiers_Name",
                table: "PrizeTiers",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposedAwards_CertificateCode",
                table: "ProposedAwards",
                column: "CertificateCode");

            migrationBuilder.CreateIndex(
                name: "IX_ProposedAwards_ProposalId_EntryId",
                table: "ProposedAwards",
                columns: new[] { "ProposalId", "EntryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposedAwards_TierId",
                table: "ProposedAwards",
                column: "TierId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommitteeDecisions");

            migrationBuilder.DropTable(
                name: "ProposedAwards");

            migrationBuilder.DropTable(
                name: "AwardProposals");

            migrationBuilder.DropTable(
                name: "PrizeTiers");
        }
    }
}
