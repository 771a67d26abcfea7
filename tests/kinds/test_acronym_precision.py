"""acronym: capitals that are not abbreviations a reader must learn are left alone."""

from __future__ import annotations

import pytest

from .checks import rule_findings


def acronyms(text: str) -> list[str]:
    return [f.message.split('"')[1] for f in rule_findings(text, "HL603")]


@pytest.mark.parametrize(
    "text",
    [
        "# Zinc\n\nWrite to us at 1600 Clifton Road, Atlanta, GA 30329-4027.\n",
        "# Zinc\n\nCall 1-800-232-4636 (TTY 888-232-6348).\n",
        "# Zinc\n\nYour childaÌ‚â‚¬TMs doctor knows best.\n",
        "# Zinc\n\nHighly active antiretroviral therapy (HAART.) is used.\n",
        "---\ntitle: Zinc | Nutrition | CDC\n---\n# Zinc\n\nThe CDC gives advice.\n",
    ],
)
def test_not_reported(text: str) -> None:
    assert acronyms(text) == []


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("# Lungs\n\nYou may have COPD. It makes breathing hard.\n", "COPD"),
        ("# Zinc\n\nGA 12 is a gene.\n", "GA"),
        ("---\ntitle: What is COPD\n---\n# COPD\n\nCOPD makes breathing hard.\n", "COPD"),
    ],
)
def test_still_reported(text: str, acronym: str) -> None:
    assert acronyms(text) == [acronym]


@pytest.mark.parametrize(
    "text",
    [
        "# Cancer\n\nStage II is divided into stages IIA and IIB. In stage IIIC it has spread.\n",
        "# Forms\n\nDownload the form (PDF, 225 KB). Take 400 IU a day.\n",
        "# Contact\n\nWrite to 12 Elm Street, NW, or visit 40 Oak Ave. SE.\n",
        "# Drugs\n\nTrials of the drug QRX204 began this year.\n",
        "# Virus\n\nThe XYZ-Flu strain and the ABC-CoV-2 virus spread in winter.\n",
        "# Bones\n\nA BMD test (bone mineral density test) checks your bones.\n",
        "# Help\n\nThe Bureau of Public Health (BoPH) runs a line for the BOPH community.\n",
        "# Scans\n\nYou may get a CT scan (CTA scan) of the chest.\n",
        "# Bulletin\n\nABCD: Annual Bulletin of Community Data, volume 4.\n",
        "# Links\n\nHeart failure guide\n\nThe BMJ\n\nZinc facts\n\nWorld Health Bureau WHB\n",
        "# Drug facts\n\nFDA Approved\n\nYes\n",
        "# Milk\n\nTable adapted from: How Much Milk | QRS Support. Retrieved from https://x.org.\n",
        "# Guides\n\nRead our QRS® guides. Each QRS guide is short.\n",
        "---\ntitle: NHA Zinc Services\n---\n# Zinc\n\nAsk NHA about zinc.\n",
        "# Family doctors\n\nSee your GP. LGBT people are welcome.\n",
        "# Reports\n\nABCR. Annual bulletin of community reports, volume 4.\n",
        "# Prevención\n\nLa PrEP ayuda a prevenir el VIH y el SIDA.\n",
    ],
)
def test_more_capitals_that_are_not_reported(text: str) -> None:
    assert acronyms(text) == []


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("# Cancer\n\nThe IIB gene is rare.\n", "IIB"),
        ("# Units\n\nThe KB protein is rare.\n", "KB"),
        ("# Travel\n\nFly to one of five US airports (JFK and LAX).\n", "JFK"),
        ("# Safety\n\nUse XYZ-free bottles.\n", "XYZ"),
        ("# Bladder\n\nYou may have a UTI. A urinary tract infection (UTI) burns.\n", "UTI"),
        ("# Links\n\nThe NHA clinic helps people\nwith COPD Care\n", "NHA"),
        ("# Help\n\nCall the BOPH line. The Bureau of Public Health (BoPH) runs it.\n", "BOPH"),
        ("# Reports\n\nRead the ABCR. Annual bulletin of community reports.\n", "ABCR"),
        (
            "---\ntitle: COPD Care\n---\n# Care\n\nCOPD is common. Chronic obstructive pulmonary "
            "disease (COPD) lasts.\n",
            "COPD",
        ),
    ],
)
def test_still_reported_next_to_those_shapes(text: str, acronym: str) -> None:
    assert acronyms(text)[:1] == [acronym]


SITE = (
    "<html><body><header><a href='/'>{masthead}</a></header><main><h1>Zinc</h1>"
    "<p>The NHA says zinc helps your body heal. Eat beans and nuts every day.</p></main>"
    "<footer><p>{footer}</p></footer></body></html>"
)


def test_the_site_name_in_its_header_is_known_when_the_page_writes_it_out() -> None:
    def found(masthead: str, footer: str) -> list[str]:
        text = SITE.format(masthead=masthead, footer=footer)
        return [f.message.split('"')[1] for f in rule_findings(text, "HL603", "zinc.html")]

    assert found("NHA Home", "National Health Agency, 1 Main Street") == []
    # The header alone, or a full name without the acronym in the header, is not enough.
    assert found("NHA Home", "1 Main Street") == ["NHA"]
    assert found("Home", "National Health Agency, 1 Main Street") == ["NHA"]
