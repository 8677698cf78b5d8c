"""Tables and thresholds of the image analyzer (light to import: no heavy deps).

Every number here was chosen from ``benchmarks/bench_images.py``; see
``docs/images.md`` for the measurements.
"""

from __future__ import annotations

#: Name of the hashing scheme recorded in every fingerprint's hex form.
ALGORITHM = "dct64"
#: Version of the fingerprint layout (regions kept, trim rules, decoding).
#: Bump it when a change would move stored hashes; old strings still parse.
VERSION = 1

#: Default match threshold: Hamming distance (out of 64 bits) at or below which two
#: fingerprints are the same picture. Chosen as the largest value with a false-positive
#: rate <= 0.1% over all distinct-image pairs of the benchmark corpus.
DEFAULT_THRESHOLD = 12

#: Side of the square grayscale thumbnail the DCT runs on (as in imagehash.phash).
HASH_SIZE = 8
HIGHFREQ_FACTOR = 4

#: Decoded pixels above this are refused as a possible decompression bomb
#: (a 50 MP photo is larger than any phone camera's default JPEG).
MAX_PIXELS = 50_000_000
#: Encoded inputs above this many bytes are refused before decoding.
MAX_BYTES = 100 * 1024 * 1024
#: JPEG draft mode decodes at 1/2, 1/4 or 1/8 scale but never below this size.
DRAFT_SIZE = 64
#: The whole-image hash is computed from the decoded image; only images whose
#: short side is at least twice this are box-reduced first (PNGs of photos).
HASH_SOURCE_SIZE = 256
#: Trimming and the crop windows work on a thumbnail whose short side is between
#: this and twice this (box-reduced by an integer factor).
WORK_SIZE = 64

#: Low detail: standard deviation of the gray levels (0..255) below this is
#: "near uniform"; such images are flagged and never matched.
LOW_DETAIL_STD = 4.0

#: Border trimming: a row/column belongs to a uniform border when at least this
#: share of its pixels is within ``BORDER_TOL`` gray levels of the border colour...
BORDER_SHARE = 0.97
BORDER_TOL = 8.0
#: ... and each colour channel within this (JPEG smears colour across edges).
BORDER_TOL_COLOR = 24.0
#: Caption bars (meme captions, status bars): a band of rows whose pixels are at
#: least this share one colour (text covers the rest).
BAR_SHARE = 0.3
#: A bar must start with a row this uniform (its clean margin).
BAR_EDGE_SHARE = 0.95
#: A bar is between these shares of the height (smaller is noise, larger is content).
BAR_MIN = 0.03
BAR_MAX = 0.7
#: The trimmed region must keep at least this share of the area to be hashed.
MIN_KEEP_AREA = 0.2

#: Crop windows: four overlapping corner windows covering this share of each side
#: of the (trimmed) image; together they catch crops of up to ~10% per side.
WINDOW = 0.9

#: Bank name used by :func:`threatsignals.images.add_stock` by default.
STOCK_BANK = "stock_images"
#: Signal kind under which fingerprints are stored (archive signals and banks).
SIGNAL_KIND = "image.fp"

#: Most images per report that are analysed (the rest are ignored, with a note).
MAX_IMAGES_PER_REPORT = 50

#: File suffixes read when a directory is given to ``add_stock``.
IMAGE_SUFFIXES = frozenset(
    {
        ".jpg",
        ".jpeg",
        ".png",
        ".gif",
        ".bmp",
        ".webp",
        ".tif",
        ".tiff",
        ".heic",
        ".heif",
    }
)

#: Codes this package adds to policy.py's table.
EXTRA_WEIGHTS = {
    # Only the first frame of an animation is hashed; recorded so people know.
    "image_animated": (0.0, "an animated image: only its first frame was analysed"),
}

#: ImageIndex speed-up: crop windows are compared only for indexed images whose
#: primary hash is within this distance of a query primary (in the benchmark about
#: 90% of matched 10% crops were within 20 and 99% within 26, while the share of
#: distinct-image pairs let through grows fast above 22); see docs/images.md.
GATE_DISTANCE = 22
