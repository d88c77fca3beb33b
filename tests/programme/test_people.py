"""The register of people and organisations: CSV import with a column mapping and both
languages' vocabularies, stable ids, the waiting list, duplicates merged after review, and
the deletion of a person's data."""

from __future__ import annotations

import json

import pytest

from toolkit.programme.people import read_register

EXPORT = """Vollständiger Name;E-Mail;Firma;Art der Organisation;Branche;Region;Status
Frank Kretschmar;frank@tischlerei.example;Tischlerei Kretschmar;Unternehmen;Handwerk;dresden;accepted
Lena Hoffmann;lena@studio.example;Studio Hoffmann;creative;design;dresden;accepted
Anna Seidel;anna@museum.example;Stadtmuseum;Museum;Kultur und Kulturerbe;meissen;waiting
Uwe Hartmann;;Gemeinde Wiesengrund;municipality;public administration;lausitz;waiting
"""

MAPPING = ["--map", "name=Vollständiger Name", "--map", "email=E-Mail", "--map", "organisation=Firma",
           "--map", "org_type=Art der Organisation", "--map", "branch=Branche"]


def test_import_maps_columns_and_vocabularies_and_is_idempotent(programme, cli, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(EXPORT, encoding="utf-8")
    out = cli("programme", "people", "import", str(programme), str(export), *MAPPING)
    assert out.exit_code == 0, out.output
    assert "4 added, 0 already in the register" in out.output
    people = {p.name: p for p in read_register(programme)}
    assert people["Frank Kretschmar"].org_type == "company" and people["Frank Kretschmar"].branch == "crafts"
    assert people["Anna Seidel"].branch == "culture" and people["Anna Seidel"].status == "waiting"
    assert people["Uwe Hartmann"].org_type == "municipality" and people["Uwe Hartmann"].region == "lausitz"
    assert people["Lena Hoffmann"].source == "export.csv:3"
    ids = {p.id for p in people.values()}
    again = cli("programme", "people", "import", str(programme), str(export), *MAPPING)
    assert "0 added, 4 already in the register" in again.output
    assert {p.id for p in read_register(programme)} == ids  # stable ids
    waiting = json.loads(cli("programme", "people", "list", str(programme), "--status", "waiting", "--json").output)
    assert [p["name"] for p in waiting] == ["Anna Seidel", "Uwe Hartmann"]  # in order of application
    listed = cli("--lang", "de", "programme", "people", "list", str(programme), env={"COLUMNS": "300"}).output
    assert "Handwerk" in listed and "Warteliste" in listed


@pytest.mark.parametrize("row, message", [
    ("Max;max@x.example;X;Raumstation;design;dresden;accepted", "unknown organisation type 'Raumstation'"),
    ("Max;max@x.example;X;company;Weltraum;dresden;accepted", "unknown branch 'Weltraum'"),
    ("Max;not-an-address;X;company;design;dresden;accepted", "'not-an-address' is not an e-mail address"),
    ("Max;max@x.example;X;company;design;atlantis;accepted", "no region 'atlantis'"),
    ("Max;max@x.example;X;company;design;dresden;maybe", "status must be one of"),
    (";max@x.example;X;company;design;dresden;accepted", "the name is empty"),
])
def test_a_bad_row_names_file_and_line_and_nothing_is_written(programme, cli, tmp_path, row, message):
    export = tmp_path / "export.csv"
    export.write_text(EXPORT + row + "\n", encoding="utf-8")
    out = cli("programme", "people", "import", str(programme), str(export), *MAPPING)
    assert out.exit_code == 1
    assert "export.csv:6: " in out.output and message in out.output, out.output
    assert "nothing imported" in out.output
    assert read_register(programme) == []


def test_mapping_errors(programme, cli, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(EXPORT, encoding="utf-8")
    out = cli("programme", "people", "import", str(programme), str(export))
    assert out.exit_code == 1 and "no column 'name' for name" in out.output and "--map name=COLUMN" in out.output
    out = cli("programme", "people", "import", str(programme), str(export), "--map", "shoe_size=Firma")
    assert out.exit_code == 1 and "unknown field 'shoe_size'" in out.output
    export.write_bytes("Name\nJürgen\n".encode("latin-1"))
    out = cli("programme", "people", "import", str(programme), str(export))
    assert out.exit_code == 1 and "is not UTF-8" in out.output


def test_duplicates_are_merged_after_review(programme, cli, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("Name,E-Mail,Organisation,Branche\nLena Hoffmann,lena@studio.example,,\n"
                      "lena  hoffmann,lena.h@other.example,Studio Hoffmann,design\n"
                      "Ben Wagner,ben@sound.example,,music\n", encoding="utf-8")
    assert cli("programme", "people", "import", str(programme), str(export), "--map", "name=Name",
               "--map", "email=E-Mail", "--map", "branch=Branche").exit_code == 0
    out = cli("programme", "people", "duplicates", str(programme))
    assert "same name" in out.output and out.output.count("~") == 1
    keep, drop = [p.id for p in read_register(programme)][:2]
    assert f"people merge {programme} {keep} {drop}" in out.output
    assert cli("programme", "people", "merge", str(programme), keep, drop).exit_code == 0
    people = read_register(programme)
    assert len(people) == 2
    merged = next(p for p in people if p.id == keep)
    assert merged.organisation == "Studio Hoffmann" and merged.branch == "design" and merged.aliases == drop
    assert merged.email == "lena@studio.example"
    # importing the dropped one again finds it through its alias
    again = cli("programme", "people", "import", str(programme), str(export), "--map", "name=Name",
                "--map", "email=E-Mail", "--map", "branch=Branche")
    assert "0 added, 3 already in the register" in again.output
    assert cli("programme", "people", "merge", str(programme), keep, "p-nobody").exit_code == 1


def test_delete_removes_the_person_from_register_and_plans(programme, cli, tmp_path):
    from toolkit.plan import load_plan

    export = tmp_path / "export.csv"
    export.write_text("Name,Organisation\nAnja Berger,Digitaler Laufzettel\nBen Wagner,Sound\n", encoding="utf-8")
    assert cli("programme", "people", "import", str(programme), str(export)).exit_code == 0
    kickoff = programme / "events" / "dresden-kickoff"
    plan = load_plan(kickoff)
    assert any(p.name == "Anja Berger" for p in plan.people)
    assert any(getattr(i, "speaker", None) == "anja" for i in plan.agenda)  # she gives a talk there
    anja = next(p.id for p in read_register(programme) if p.name == "Anja Berger")
    out = cli("programme", "people", "delete", str(programme), anja, "--yes")
    assert out.exit_code == 0, out.output
    assert [p.name for p in read_register(programme)] == ["Ben Wagner"]
    plan = load_plan(kickoff)
    assert not any(p.name == "Anja Berger" for p in plan.people)
    assert not any(getattr(i, "speaker", None) == "anja" for i in plan.agenda)
    assert str(kickoff / "workshop.yaml") in out.output
    assert "Anja" not in (kickoff / "workshop.yaml").read_text().split("agenda:")[0]
    assert cli("programme", "people", "delete", str(programme), anja, "--yes").exit_code == 1
