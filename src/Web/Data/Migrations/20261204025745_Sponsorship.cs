using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContestPlatform.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Sponsorship : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Sponsor",
                table: "PrizeTiers");

            migrationBuilder.AddColumn<int>(
                name: "SponsorshipMouId",
                table: "PrizeTiers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PublishOnLastReveal",
                table: "AwardProposals",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "SponsorshipMouId",
                table: "AgendaItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Sponsors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TaxCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Website = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    LogoKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LogoContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sponsors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SponsorshipMous",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PartyAName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PartyAAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PartyARepresentative = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PartyAPosition = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SponsorId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartyBRepresentative = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PartyBPosition = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Form = table.Column<int>(type: "INTEGER", nullable: false),
                    ValueDong = table.Column<long>(type: "INTEGER", nullable: true),
                    InKindDescription = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    BenefitLogoOnSite = table.Column<bool>(type: "INTEGER", nullable: false),
                    BenefitSpeechAtCeremony = table.Column<bool>(type: "INTEGER", nullable: false),
                    BenefitRecognition = table.Column<bool>(type: "INTEGER", nullable: false),
                    BenefitsNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ResponsibilitiesA = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ResponsibilitiesB = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ScanKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ScanFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ScanBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    ScanUploadedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SponsorshipMous", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SponsorshipMous_Sponsors_SponsorId",
                        column: x => x.SponsorId,
                        principalTable: "Sponsors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MouDisbursements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MouId = table.Column<int>(type: "INTEGER", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AmountDong = table.Column<long>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MouDisbursements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MouDisbursements_SponsorshipMous_MouId",
                        column: x => x.MouId,
                        principalTable: "SponsorshipMous",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MouInstallments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MouId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AmountDong = table.Column<long>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MouInstallments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MouInstallments_SponsorshipMous_MouId",
                        column: x => x.MouId,
                        principalTable: "SponsorshipMous",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MouStatusChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MouId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: false),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MouStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MouStatusChanges_SponsorshipMous_MouId",
                        column: x => x.MouId,
                        principalTable: "SponsorshipMous",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PrizeTiers_SponsorshipMouId",
                table: "PrizeTiers",
                column: "SponsorshipMouId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_SponsorshipMouId",
                table: "AgendaItems",
                column: "SponsorshipMouId");

            migrationBuilder.CreateIndex(
                name: "IX_MouDisbursements_MouId",
                table: "MouDisbursements",
                column: "MouId");

            migrationBuilder.CreateIndex(
                name: "IX_MouInstallments_MouId",
                table: "MouInstallments",
                column: "MouId");

            migrationBuilder.CreateIndex(
                name: "IX_MouStatusChanges_MouId",
                table: "MouStatusChanges",
                column: "MouId");

            migrationBuilder.CreateIndex(
                name: "IX_Sponsors_Name",
                table: "Sponsors",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SponsorshipMous_SponsorId",
                table: "SponsorshipMous",
                column: "SponsorId");

            migrationBuilder.AddForeignKey(
                name: "FK_AgendaItems_SponsorshipMous_SponsorshipMouId",
                table: "AgendaItems",
                column: "SponsorshipMouId",
                principalTable: "SponsorshipMous",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_PrizeTiers_SponsorshipMous_SponsorshipMouId",
                table: "PrizeTiers",
                column: "SponsorshipMouId",
                principalTable: "SponsorshipMous",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AgendaItems_SponsorshipMous_SponsorshipMouId",
                table: "AgendaItems");

            migrationBuilder.DropForeignKey(
                name: "FK_PrizeTiers_SponsorshipMous_SponsorshipMouId",
                table: "PrizeTiers");

            migrationBuilder.DropTable(
                name: "MouDisbursements");

            migrationBuilder.DropTable(
                name: "MouInstallments");

            migrationBuilder.DropTable(
                name: "MouStatusChanges");

            migrationBuilder.DropTable(
                name: "SponsorshipMous");

            migrationBuilder.DropTable(
                name: "Sponsors");

            migrationBuilder.DropIndex(
                name: "IX_PrizeTiers_SponsorshipMouId",
                table: "PrizeTiers");

            migrationBuilder.DropIndex(
                name: "IX_AgendaItems_SponsorshipMouId",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "SponsorshipMouId",
                table: "PrizeTiers");

            migrationBuilder.DropColumn(
                name: "PublishOnLastReveal",
                table: "AwardProposals");

            migrationBuilder.DropColumn(
                name: "SponsorshipMouId",
                table: "AgendaItems");

            migrationBuilder.AddColumn<string>(
                name: "Sponsor",
                table: "PrizeTiers",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");
        }
    }
}
