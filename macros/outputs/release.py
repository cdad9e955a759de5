"""The versioned data release: one zip of every API file, CSV and schema with the licence and a
README, and a SHA256SUMS file, so that a downloaded copy can be tied to its version and checked."""

from __future__ import annotations

import hashlib
import io
import zipfile

from macros.data.dataset import Dataset
from macros.views import publication, routes

ZIP = routes.RELEASE_ZIP
SUMS = routes.RELEASE_SUMS


def version(files: dict[str, str]) -> str:
    """The data's as-of date plus a digest of the released files: equal content, equal version."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name].encode("utf-8") + b"\0")
    return digest.hexdigest()[:12]


def _readme(data: Dataset, release: str, names: list[str]) -> str:
    as_of = data.as_of.isoformat()
    listing = "\n".join(f"  {name}" for name in names)
    return (f"Trade Truce Tracker data release\n\nData as of: {as_of}\nVersion: {as_of}+{release}\n"
            f"API schema version: 1\n\nLicence: {publication.DATA_LICENSE_NAME} ({publication.DATA_LICENSE}),\n"
            f"{publication.DATA_LICENSE_URL} (see LICENSE.txt).\nCredit: {publication.credit(as_of)}\n\n"
            f"Every record carries its sources; a number is only as good as the sources it cites.\n\n"
            f"Files:\n{listing}\n")


def release_files(data: Dataset, published: dict[str, str]) -> dict[str, bytes | str]:
    """`published`: the API, CSV and schema files by site path. Returns the zip and SHA256SUMS."""
    chosen = {path: text for path, text in published.items() if path.startswith(routes.API)}
    release = version(chosen)
    as_of = data.as_of
    stamp = (as_of.year, as_of.month, as_of.day, 0, 0, 0)  # the same data gives the same bytes
    members = {path.removeprefix(routes.API): text for path, text in sorted(chosen.items())}
    members["LICENSE.txt"] = (f"{publication.DATA_LICENSE_NAME} ({publication.DATA_LICENSE})\n"
                              f"{publication.DATA_LICENSE_URL}\nLegal code: {publication.DATA_LICENSE_URL}legalcode\n\n"
                              f"{publication.credit(as_of.isoformat())}\n")
    members["README.txt"] = _readme(data, release, sorted(members))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(f"trade-truce-data-{as_of.isoformat()}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, members[name].encode("utf-8"))
    archive_bytes = buffer.getvalue()
    sums = [(hashlib.sha256(archive_bytes).hexdigest(), ZIP.removeprefix("downloads/"))]
    sums += [(hashlib.sha256(text.encode("utf-8")).hexdigest(), "../" + path) for path, text in sorted(chosen.items())]
    return {ZIP: archive_bytes, SUMS: "".join(f"{digest}  {name}\n" for digest, name in sums)}
