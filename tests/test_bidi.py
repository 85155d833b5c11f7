"""Latin runs inside Arabic text (acronyms, document symbols, addresses) are isolated without
taking in the brackets, quotes or punctuation of the Arabic sentence around them; a bracket pair
that lies wholly inside a Latin run stays with it. Checked on a table of cases, and on every
built Arabic page: no isolated run has unbalanced brackets."""
from __future__ import annotations

import pytest

from hooks.pipeline.bidi import isolate_latin_html

CASES = [
    # brackets of the Arabic sentence, on either side
    ("التحالف العالمي (GANHRI) يعمل", "التحالف العالمي (<bdi>GANHRI</bdi>) يعمل"),
    ("تنزيل المنصة (ملف ZIP)", "تنزيل المنصة (ملف <bdi>ZIP</bdi>)"),
    ("(OHCHR و UNDP)", "(<bdi>OHCHR</bdi> و <bdi>UNDP</bdi>)"),
    ("(A) و (B)", "(<bdi>A</bdi>) و (<bdi>B</bdi>)"),
    # a pair inside the Latin run stays with it, also nested in the sentence's own brackets
    ("القرار A/HRC/RES/24/24 (2013) للمجلس", "القرار <bdi>A/HRC/RES/24/24 (2013)</bdi> للمجلس"),
    ("انظر (A/HRC/RES/24/24 (2013)) هنا", "انظر (<bdi>A/HRC/RES/24/24 (2013)</bdi>) هنا"),
    ("صندوق Lifeline (Embattled CSO Assistance Fund) للمنظمات",
     "صندوق <bdi>Lifeline (Embattled CSO Assistance Fund)</bdi> للمنظمات"),
    # an opening bracket the run does not close is left to the sentence
    ("الوثيقة A/73/151 (انظر الحاشية)", "الوثيقة <bdi>A/73/151</bdi> (انظر الحاشية)"),
    ("الوثيقة (A/73/151 و A/73/195)", "الوثيقة (<bdi>A/73/151</bdi> و <bdi>A/73/195</bdi>)"),
    # punctuation and quotes of the sentence stay outside
    ("الموقع https://www.ohchr.org/en).", "الموقع <bdi>https://www.ohchr.org/en</bdi>)."),
    ("راجع «OHCHR»، ثم UPR.", "راجع «<bdi>OHCHR</bdi>»، ثم <bdi>UPR</bdi>."),
    ("قالت \"UN Women\" إنّ", "قالت &quot;<bdi>UN Women</bdi>&quot; إنّ"),
    # numbers and slashes alone are not Latin runs; symbols with slashes stay whole
    ("الرقم 24/24 فقط", "الرقم 24/24 فقط"),
    ("القرار 74/156 (2019)", "القرار 74/156 (2019)"),
    ("الوثيقة A/HRC/40/60 والقرار", "الوثيقة <bdi>A/HRC/40/60</bdi> والقرار"),
    # mixed runs: Latin words separated by Arabic ones are separate runs
    ("UN Women و UNFPA", "<bdi>UN Women</bdi> و <bdi>UNFPA</bdi>"),
    ("ملف PDF أو ملف CSV", "ملف <bdi>PDF</bdi> أو ملف <bdi>CSV</bdi>"),
    # an address stays whole, with its own brackets and query
    ("الرابط https://example.org/a_(b)?q=1#x هنا", "الرابط <bdi>https://example.org/a_(b)?q=1#x</bdi> هنا"),
    # text without Arabic letters is left as it is
    ("(GANHRI)", "(GANHRI)"),
]


@pytest.mark.parametrize("text,html", CASES)
def test_latin_runs_are_isolated_without_the_sentences_brackets(text, html):
    assert isolate_latin_html(text) == html


def balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def test_no_isolated_run_on_an_arabic_page_has_unbalanced_brackets(site):
    from bs4 import BeautifulSoup
    checked, unbalanced = 0, []
    for path in sorted((site / "ar").rglob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for run in page.find_all("bdi"):
            checked += 1
            if not balanced(run.get_text()):
                unbalanced.append((path.relative_to(site).as_posix(), run.get_text()[:80]))
    assert checked > 1000
    assert not unbalanced, unbalanced[:10]
