"""Machine-readable citations of every round, issue, measure, deadline and commitment: CSL-JSON
(for Zotero, Pandoc and citeproc) and BibTeX, one file each, linked from the record's Cite block."""

from __future__ import annotations

import json

from macros.data.dataset import Dataset
from macros.render.safe import bibtex_text, plain
from macros.views import publication
from macros.views.citing import Citable, citables
from macros.views.routes import Routes


def _url(site_url: str, page: str) -> str:
    return Routes.absolute(site_url, page)


def csl_item(data: Dataset, item: Citable, site_url: str) -> dict[str, object]:
    as_of = data.as_of
    return {
        "id": item.key,
        "type": "webpage",
        "title": plain(item.title),
        "container-title": publication.SITE_NAME,
        "author": [{"literal": publication.AUTHOR}],
        "issued": {"date-parts": [[as_of.year, as_of.month, as_of.day]]},
        "URL": _url(site_url, item.page),
        "note": f"Data as of {as_of.isoformat()}. {publication.DATA_LICENSE}.",
    }


def bibtex_entry(data: Dataset, item: Citable, site_url: str) -> str:
    as_of = data.as_of
    url = _url(site_url, item.page)
    fields = [("author", "{" + bibtex_text(publication.AUTHOR) + "}"), ("title", bibtex_text(plain(item.title))),
              ("howpublished", bibtex_text(publication.SITE_NAME)), ("year", str(as_of.year)),
              ("month", as_of.strftime("%b").lower()), ("url", url.replace("%", r"\%").replace("#", r"\#")),
              ("note", bibtex_text(f"Data as of {as_of.isoformat()}; {publication.DATA_LICENSE}; accessed "
                                   "(add the date you read it)"))]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{item.key},\n{body}\n}}\n"


def cite_files(data: Dataset, site_url: str) -> dict[str, str]:
    files = {}
    for item in citables(data):
        files[Routes.cite_file(item.kind, item.record_id, "json")] = json.dumps(
            [csl_item(data, item, site_url)], ensure_ascii=False, indent=2) + "\n"
        files[Routes.cite_file(item.kind, item.record_id, "bib")] = bibtex_entry(data, item, site_url)
    return files
