"""Fuzzy duplicate proposals for the register's merge review: each rule, the guards against
false positives, the reasons in both languages, and that nothing is merged by finding."""

from __future__ import annotations

import json
import time

import pytest

from toolkit.programme.duplicates import fold_email, fold_name
from toolkit.programme.people import Person, duplicates, read_register


def person(n: int, name: str, email: str = "", organisation: str = "") -> Person:
    return Person(f"p-{n}", name, email, organisation)


def reasons(a: Person, b: Person) -> list[tuple[str, ...]]:
    return [p.reasons for p in duplicates([a, b])]


def test_folding():
    assert fold_name("Müller") == fold_name("Mueller") == fold_name("MULLER") == fold_name("Muller") == "muller"
    assert fold_name("Weiß") == fold_name("Weiss") == "weiss"
    assert fold_name("José  Núñez") == "jose nunez"
    assert fold_name("Anna-Lena Groß") == "anna lena gross"
    assert fold_email("Anna.Mueller+Kickoff@Studio.Example") == "anna.mueller@studio.example"
    assert fold_email("no-at-sign") == "no-at-sign"


@pytest.mark.parametrize("a, b, expected", [
    (person(1, "Anna Müller", "anna@studio.example"), person(2, "A. M.", "ANNA@Studio.example"), ("email",)),
    (person(1, "Anna Müller", "anna+kickoff@studio.example"), person(2, "Anna M.", "anna@studio.example"),
     ("email-plus",)),
    (person(1, "Anna Müller"), person(2, "anna  müller"), ("name",)),
    (person(1, "Anna Müller"), person(2, "Anna Mueller"), ("name-folded",)),
    (person(1, "Anna Müller"), person(2, "Anna Muller"), ("name-folded",)),
    (person(1, "Jürgen Weiß"), person(2, "Juergen Weiss"), ("name-folded",)),
    (person(1, "Müller, Anna"), person(2, "Anna Müller"), ("name-swapped",)),
    (person(1, "Mueller, Anna"), person(2, "Anna Müller"), ("name-swapped",)),
    (person(1, "Lena Hofmann", organisation="Studio Hoffmann"),
     person(2, "Lena Hoffmann", organisation="Studio Hoffmann"), ("name-typo",)),
    (person(1, "Lena Hofmann"), person(2, "Lena Hoffmann", "lena@studio.example"), ("name-typo",)),
    # several reasons at once, strongest first
    (person(1, "Anna Müller", "Anna@x.example"), person(2, "Anna Mueller", "anna@x.example"),
     ("email", "name-folded")),
])
def test_each_rule_proposes_with_its_reason(a, b, expected):
    assert reasons(a, b) == [expected]
    assert reasons(b, a) == [expected]  # symmetric


@pytest.mark.parametrize("a, b", [
    # one letter apart, but the register tells them apart: another organisation ...
    (person(1, "Anna Müller", organisation="Stadtmuseum Meißen"), person(2, "Hanna Müller", organisation="Tischlerei")),
    # ... or other e-mail addresses
    (person(1, "Lena Hofmann", "lena@a.example"), person(2, "Lena Hoffmann", "lena@b.example")),
    # short names: one letter is a different name, not a typo
    (person(1, "Jan"), person(2, "Jana")),
    # different people
    (person(1, "Anna Müller"), person(2, "Anna Schmidt")),
    (person(1, "Anna Müller", "anna@a.example"), person(2, "Berta Krause", "berta@a.example")),
    # a +tag is not stripped from the domain, and different local parts stay different
    (person(1, "X Y Z1", "anna@studio.example"), person(2, "Q R S2", "anna@studio.example.org")),
    (person(1, "X Y Z1", "anna.b@studio.example"), person(2, "Q R S2", "annab@studio.example")),
])
def test_false_positive_guards(a, b):
    assert reasons(a, b) == []


def test_same_person_one_letter_apart_at_the_same_organisation_is_proposed():
    # the decision documented in toolkit.programme.duplicates: "Anna"/"Hanna" Müller at
    # another organisation is two people; at the same one (or where one has none) it is
    # worth a look
    same = reasons(person(1, "Anna Müller", organisation="Tischlerei"), person(2, "Hanna Müller",
                                                                              organisation="Tischlerei"))
    assert same == [("name-typo",)]
    assert reasons(person(1, "Anna Müller"), person(2, "Hanna Müller", organisation="Tischlerei")) == [("name-typo",)]
    # the stronger name rules propose whatever the organisations (a reviewer sees both)
    assert reasons(person(1, "Anna Müller", organisation="A"), person(2, "Anna Mueller", organisation="B")) == [
        ("name-folded",)]


def test_each_pair_once_in_register_order_and_fast_on_a_large_register():
    people = [person(n, f"Person{n:05d} Name{n % 997:03d}", f"p{n}@example.org") for n in range(6000)]
    people.append(person(9001, "Person00042 Name042", "P42+x@example.org"))
    start = time.perf_counter()
    found = duplicates(people)
    assert time.perf_counter() - start < 10
    assert [(p.first.id, p.second.id, p.reasons) for p in found] == [("p-42", "p-9001", ("email-plus", "name"))]


def test_cli_shows_reasons_in_both_languages_and_merges_nothing(tmp_path, cli):
    programme = tmp_path / "prog"
    assert cli("programme", "new", str(programme), "--name", "P", "--year", "2026", "--language", "de").exit_code == 0
    export = tmp_path / "export.csv"
    export.write_text("Name,E-Mail,Organisation\n"
                      "Anna Müller,anna+kickoff@studio.example,Studio M\n"
                      "\"Mueller, Anna\",anna@studio.example,\n"
                      "Hanna Müller,hanna@tischlerei.example,Tischlerei\n"
                      "Jürgen Weiß,,Museum\n"
                      "Juergen Weiss,,\n", encoding="utf-8")
    assert cli("programme", "people", "import", str(programme), str(export), "--map", "email=E-Mail").exit_code == 0
    before = (programme / "people.csv").read_bytes()
    out = cli("programme", "people", "duplicates", str(programme))
    assert out.exit_code == 0, out.output
    lines = [line for line in out.output.splitlines() if "~" in line]
    assert len(lines) == 2, out.output
    assert lines[0].startswith(read_register(programme)[0].id)
    assert lines[0].endswith("same e-mail address apart from a +tag; same name with first and last name swapped")
    assert lines[1].endswith("same name apart from umlauts, accents or ß")
    assert "2 proposal(s); review each before merging: nothing was changed" in out.output
    german = cli("--lang", "de", "programme", "people", "duplicates", str(programme)).output
    assert "gleiche E-Mail-Adresse bis auf einen +Zusatz; gleicher Name mit vertauschtem Vor- und Nachnamen" in german
    assert "gleicher Name bis auf Umlaute, Akzente oder ß" in german
    found = json.loads(cli("programme", "people", "duplicates", str(programme), "--json").output)
    assert [p["reasons"] for p in found] == [["email-plus", "name-swapped"], ["name-folded"]]
    assert found[1]["explained"] == ["same name apart from umlauts, accents or ß"]
    assert (programme / "people.csv").read_bytes() == before  # proposals only
