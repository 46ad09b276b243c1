"""The project's metadata agrees with the code: CITATION.cff (Citation File Format 1.2.0),
pyproject.toml's PEP 621 table, the changelog and `explorer.__version__`, the one version."""

from __future__ import annotations

import re
import tomllib

import pytest
import yaml

from explorer import __version__
from explorer.citation import ARTICLE, AUTHORS
from explorer.paths import CHECKOUT
from explorer.schema import dataset_version, package

CFF = yaml.safe_load((CHECKOUT / "CITATION.cff").read_text(encoding="utf-8"))
PYPROJECT = tomllib.loads((CHECKOUT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]
# CFF 1.2.0: the keys a root may have (no others), those it must have, reference types used.
ROOT_KEYS = {
    "abstract", "authors", "cff-version", "commit", "contact", "date-released", "doi",
    "identifiers", "keywords", "license", "license-url", "message", "preferred-citation",
    "references", "repository", "repository-artifact", "repository-code", "title", "type",
    "url", "version",
}  # fmt: skip
REQUIRED = {"cff-version", "message", "title", "authors"}
LICENCES = ["MIT", "CC-BY-4.0"]  # code, data (SPDX)


def reference(kind: str) -> dict:
    return next(r for r in CFF["references"] if r["type"] == kind)


def test_citation_file_has_the_cff_root_keys_and_no_others():
    assert REQUIRED <= set(CFF) <= ROOT_KEYS
    assert CFF["cff-version"] == "1.2.0" and CFF["type"] == "software"


@pytest.mark.parametrize("entry", [CFF, *CFF["references"]], ids=lambda e: e["type"])
def test_every_entry_has_a_title_and_authors_as_people_or_a_group(entry):
    assert isinstance(entry["title"], str) and entry["title"].strip()
    for author in entry["authors"]:
        assert author.get("name") or {"family-names", "given-names"} <= set(author), author


def test_software_and_dataset_versions_and_licences_are_the_codes():
    assert str(CFF["version"]) == __version__
    assert CFF["license"] == LICENCES
    data = reference("data")
    assert str(data["version"]) == dataset_version()
    assert data["license"] == package()["licenses"][0]["name"] == LICENCES[1]
    assert CFF["authors"] == data["authors"] == [{"name": AUTHORS}]


def test_the_article_reference_is_the_one_the_explorer_cites():
    art = reference("article")
    family, given = ARTICLE["author"].split(", ")
    assert art["authors"] == [{"family-names": family, "given-names": given}]
    assert " ".join(art["title"].split()) == ARTICLE["title"]
    assert f"{art['start']}-{art['end']}" == ARTICLE["pages"]
    for key in ("journal", "volume", "issue", "year", "issn", "doi", "url"):
        assert str(art[key]) == ARTICLE[key], key


def test_pyproject_metadata_is_complete():
    assert PROJECT["dynamic"] == ["version"] and "version" not in PROJECT  # one version source
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "explorer.__version__"}
    assert PROJECT["license"] == " AND ".join(LICENCES)
    assert PROJECT["authors"] == [{"name": AUTHORS}]
    assert PROJECT["keywords"] and PROJECT["classifiers"] and PROJECT["urls"]
    assert ARTICLE["url"] in PROJECT["urls"].values()
    # An SPDX `license` expression needs setuptools 77 (76 refuses to build).
    assert "setuptools>=77" in PYPROJECT["build-system"]["requires"]


def test_the_changelog_describes_this_version():
    changelog = (CHECKOUT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(__version__)}\]", changelog, re.M)
