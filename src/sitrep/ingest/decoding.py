"""Turn input bytes into text: BOMs, UTF-8, UTF-16/32 without BOM, declared charsets, Western
8-bit text and, last, detection with charset-normalizer. Binary data is refused, never guessed.

    >>> decode_bytes("café".encode("latin-1")).text
    'café'
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Magic numbers of common binary formats that sometimes land in a news folder.
MAGIC = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or Office file)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program (ELF)",
    b"BZh": "a bzip2 archive",
    b"\xfd7zXZ\x00": "an xz archive",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    b"RIFF": "a RIFF media file",
    b"\x00\x00\x01\x00": "an icon file",
    b"OggS": "an Ogg media file",
    b"ID3": "an MP3 file",
}
BOMS = [  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""",
    re.I,
)
# cp1252 punctuation that Western text uses (curly quotes, dashes, euro, ellipsis...).
CP1252_PUNCT = set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
CJK = ("shift_jis", "cp932", "euc_j", "iso2022", "gb", "big5", "hz", "euc_kr", "cp949", "johab", "cp950")
COMMON_CYRILLIC = set("оеаинтсрвлкмдпуяыьгзбчй")
HIGH = bytes(range(0x80, 0x100))
LOW = bytes(range(0x80))
ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class BinaryInput(ValueError):
    """The bytes are not text (an image, an archive, NUL bytes...)."""


class UndecodableInput(ValueError):
    """The bytes look like text but no encoding reads them."""


@dataclass
class Decoded:
    text: str
    encoding: str
    note: str | None = None  # set when the encoding was not plain UTF-8


def sniff_binary(data: bytes) -> str | None:
    """What binary format ``data`` starts with, or None.  ``sniff_binary(b"%PDF-1.4")`` -> 'a PDF document'."""
    for magic, name in MAGIC.items():
        if data.startswith(magic):
            return name
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be'/'utf-32-le'/'utf-32-be' when NUL bytes fall where ASCII text in that
    encoding puts them; None otherwise."""
    head = data[:4096]
    if len(head) < 4:
        return None
    for enc, width in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        lanes = [head[i::width] for i in range(width)]
        zero = [lane.count(0) / max(len(lane), 1) for lane in lanes]
        text_lane = 0 if enc.endswith("le") else width - 1
        others = [z for i, z in enumerate(zero) if i != text_lane]
        if zero[text_lane] < 0.05 and min(others) > 0.5:
            return enc
    return None


def _western(data: bytes) -> str | None:
    """'cp1252' or 'latin-1' when ``data`` reads as mostly-ASCII Western European text."""
    high = len(data) - len(data.translate(None, HIGH))  # counted in C: files run to megabytes
    letters = high + len(data) - len(data.translate(None, ASCII_LETTERS))
    if not letters or high / letters > 0.3:
        return None  # Cyrillic, Greek, CJK... 8-bit text is mostly high bytes: let detection decide
    highs = bytes(sorted(set(data.translate(None, LOW))))  # the distinct non-ASCII bytes
    uses_c1 = any(0x80 <= b <= 0x9F for b in highs)
    try:
        chars = highs.decode("cp1252" if uses_c1 else "latin-1")
    except UnicodeDecodeError:
        return None
    for ch in chars:
        if (
            ch in CP1252_PUNCT
            or ch in "\xa0«»°·´¨¸²³¹ºª¿¡§©®£¥¢½¼¾±"
            or (0xC0 <= ord(ch) <= 0xFF and ch not in "×÷")
        ):
            continue
        return None
    return "cp1252" if uses_c1 else "latin-1"


def _cyrillic(data: bytes) -> str | None:
    """The 8-bit Cyrillic encoding under which ``data`` reads as Russian-like text (most letters
    are the common lowercase ones), or None."""
    best, best_score = None, 0.85
    for enc in ("koi8_r", "cp1251", "cp866", "iso8859_5"):
        text = data.decode(enc, errors="replace")
        cyr = [c for c in text if "\u0400" <= c <= "\u04ff"]
        if len(cyr) < 20:
            continue
        score = sum(c in COMMON_CYRILLIC for c in cyr) / len(cyr)
        if score > best_score:
            best, best_score = enc, score
    return best


def _declared(data: bytes) -> str | None:
    m = DECLARED.search(data[:4096])
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data`` to text, or raise BinaryInput / UndecodableInput with a plain reason.

    >>> decode_bytes(b"\\xff\\xfeh\\x00i\\x00").encoding
    'utf-16-le'
    """
    failed = None
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom) :].decode(enc), enc, f"decoded as {enc} (byte-order mark)")
            except UnicodeDecodeError as exc:  # FF FE 00 00 is UTF-32's mark or UTF-16's and a NUL: try on
                failed = failed or (
                    f"The file starts with a {enc} byte-order mark but is not valid {enc}: "
                    f"{exc.reason} at byte {exc.start}."
                )
    if failed:
        raise UndecodableInput(failed)
    kind = sniff_binary(data)
    if kind:
        raise BinaryInput(f"The file is binary ({kind}), not text.")
    if b"\x00" in data:
        enc = _utf16_without_bom(data)
        if not enc:
            raise BinaryInput("The file is binary (it contains NUL bytes), not text.")
        text = data[: len(data) - len(data) % (4 if "32" in enc else 2)].decode(enc, errors="replace")
        return _checked(
            text, enc, f"decoded as {enc} (no byte-order mark; detected from the NUL-byte pattern)"
        )
    try:
        return _checked(data.decode("utf-8"), "utf-8", None)
    except UnicodeDecodeError:
        pass
    declared = _declared(data)
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            return _checked(data.decode(declared), declared, f"decoded as {declared} (declared in the file)")
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration is common: fall through to detection
    enc = _western(data)
    if enc:
        return _checked(data.decode(enc), enc, f"decoded as {enc} (not UTF-8, no charset declared)")
    import charset_normalizer  # here: only text that is not UTF-8 needs it (0.02 s of start-up)

    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is None:
        raise UndecodableInput("The file is not UTF-8 and no text encoding reads it.")
    enc = best.encoding
    if any(enc.startswith(cjk) for cjk in CJK):
        enc = _cyrillic(data[:20_000]) or enc  # short KOI8-R/cp1251 text is often taken for Shift-JIS
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        text = data.decode(enc, errors="replace")
    return _checked(text, enc, f"decoded as {enc} (detected; no charset declared)")


def _checked(text: str, encoding: str, note: str | None) -> Decoded:
    # Decoders accept control bytes; a text with many of them is binary data in disguise.
    sample = text[:100_000]
    if sample and CONTROL.search(sample) and len(CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise BinaryInput(f"The file is binary (control characters throughout; tried {encoding}), not text.")
    return Decoded(text=text.replace("\x00", ""), encoding=encoding, note=note)
