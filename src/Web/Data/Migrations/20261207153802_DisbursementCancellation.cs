using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContestPlatform.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DisbursementCancellation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CancelReason",
                table: "MouDisbursements",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAt",
                table: "MouDisbursements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelledBy",
                table: "MouDisbursements",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CancelReason",
                table: "MouDisbursements");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "MouDisbursements");

            migrationBuilder.DropColumn(
                name: "CancelledBy",
                table: "MouDisbursements");
        }
    }
}
