"""Synthetic, seeded image corpus for the image benchmark (nothing is downloaded).

``make_image(seed)`` draws a distinct picture (gradients, noise textures, shapes,
text); ``EDITS`` maps an edit name to a function that applies one recycling edit
(resize, recompress, border, caption bar, watermark, mirror, slight rotation,
10% crop, screenshot padding) and re-encodes the result as a shared image would be.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

_WORDS = tuple(
    [
        "north",
        "gym",
        "field",
        "lunch",
        "bus",
        "art",
        "math",
        "river",
        "hall",
        "lake",
        "music",
        "game",
        "club",
        "bell",
        "spring",
        "maple",
        "oak",
        "pine",
        "red",
        "blue",
        "green",
        "team",
        "cafe",
        "park",
        "road",
        "pool",
        "stage",
    ]
)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _color(rng: random.Random) -> tuple[int, int, int]:
    return (rng.randrange(256), rng.randrange(256), rng.randrange(256))


def _background(rng: random.Random, w: int, h: int) -> Image.Image:
    kind = rng.choice(("linear", "radial", "noise", "noise", "photo"))
    npr = np.random.default_rng(rng.randrange(2**32))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if kind == "linear":
        ang = rng.uniform(0, 2 * np.pi)
        t = (xx * np.cos(ang) + yy * np.sin(ang)) / max(w, h)
        t = (t - t.min()) / max(1e-6, float(t.max() - t.min()))
    elif kind == "radial":
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        t = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / max(w, h)
        t = np.clip(t / max(1e-6, float(t.max())), 0, 1)
    else:
        cells = rng.choice((3, 4, 6, 8, 12))
        small = npr.random((cells, cells)).astype(np.float32)
        t = (
            np.asarray(
                Image.fromarray((small * 255).astype(np.uint8)).resize(
                    (w, h), Image.Resampling.BICUBIC
                ),
                dtype=np.float32,
            )
            / 255.0
        )
    c1 = np.array(_color(rng), np.float32)
    c2 = np.array(_color(rng), np.float32)
    arr = c1 * (1 - t[..., None]) + c2 * t[..., None]
    if kind == "photo":
        arr += npr.normal(0, 18, (h, w, 1)).astype(np.float32)
    arr += npr.normal(0, rng.uniform(1, 6), (h, w, 3)).astype(np.float32)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")


def make_image(seed: int, size: tuple[int, int] | None = None) -> Image.Image:
    """Draw one distinct synthetic picture from ``seed``."""
    rng = random.Random(seed)
    if size is None:
        size = rng.choice(((480, 360), (400, 400), (360, 480), (512, 288), (440, 330)))
    w, h = size
    img = _background(rng, w, h)
    over = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(over)
    for _ in range(rng.randint(3, 12)):
        col = (*_color(rng), rng.choice((255, 255, 200, 140)))
        x0, y0 = rng.uniform(-0.1, 0.9) * w, rng.uniform(-0.1, 0.9) * h
        x1, y1 = x0 + rng.uniform(0.08, 0.6) * w, y0 + rng.uniform(0.08, 0.6) * h
        shape = rng.choice(("ellipse", "rect", "poly", "line"))
        if shape == "ellipse":
            d.ellipse((x0, y0, x1, y1), fill=col)
        elif shape == "rect":
            d.rectangle((x0, y0, x1, y1), fill=col)
        elif shape == "poly":
            pts = [
                (rng.uniform(0, w), rng.uniform(0, h)) for _ in range(rng.randint(3, 6))
            ]
            d.polygon(pts, fill=col)
        else:
            d.line((x0, y0, x1, y1), fill=col, width=rng.randint(3, max(4, w // 20)))
    for _ in range(rng.randint(0, 3)):
        text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 3)))
        d.text(
            (rng.uniform(0, 0.6) * w, rng.uniform(0, 0.85) * h),
            text,
            fill=(*_color(rng), 255),
            font=_font(rng.randint(14, 40)),
        )
    img = Image.alpha_composite(img.convert("RGBA"), over).convert("RGB")
    if rng.random() < 0.3:
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.5)))
    return img


def jpeg(img: Image.Image, quality: int = 90) -> bytes:
    """Encode as JPEG (what a shared image usually is)."""
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=quality)
    return buf.getvalue()


# -- edits ---------------------------------------------------------------------


def _resize(img: Image.Image, rng: random.Random) -> Image.Image:
    f = rng.uniform(0.3, 0.7)
    return img.resize((max(16, int(img.width * f)), max(16, int(img.height * f))))


def _recompress(img: Image.Image, rng: random.Random) -> Image.Image:
    data = jpeg(img, rng.randint(15, 35))
    return Image.open(io.BytesIO(data)).convert("RGB")


def _border(img: Image.Image, rng: random.Random) -> Image.Image:
    w, h = img.size
    left, right = int(w * rng.uniform(0.03, 0.12)), int(w * rng.uniform(0.03, 0.12))
    top, bottom = int(h * rng.uniform(0.03, 0.12)), int(h * rng.uniform(0.03, 0.12))
    out = Image.new("RGB", (w + left + right, h + top + bottom), _color(rng))
    out.paste(img, (left, top))
    return out


def _caption(img: Image.Image, rng: random.Random) -> Image.Image:
    w, h = img.size
    bar = int(h * rng.uniform(0.12, 0.25))
    where = rng.choice(("top", "bottom", "both"))
    bars = 2 if where == "both" else 1
    out = Image.new("RGB", (w, h + bar * bars), (255, 255, 255))
    y_img = bar if where in ("top", "both") else 0
    out.paste(img, (0, y_img))
    d = ImageDraw.Draw(out)
    font = _font(max(10, int(bar * 0.5)))
    ys = {"top": [0], "bottom": [h], "both": [0, h + bar]}[where]
    for y in ys:
        text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(2, 4))).upper()
        d.text(
            (w * rng.uniform(0.03, 0.2), y + bar * 0.2), text, fill=(0, 0, 0), font=font
        )
    return out


def _watermark(img: Image.Image, rng: random.Random) -> Image.Image:
    w, h = img.size
    over = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(over)
    alpha = rng.randint(70, 130)
    font = _font(max(12, w // 12))
    text = rng.choice(("SAMPLE", "(c) STOCK", "PREVIEW", "@newsfeed"))
    for i in range(rng.randint(1, 3)):
        d.text(
            (w * rng.uniform(0.05, 0.5), h * (0.2 + 0.25 * i)),
            text,
            fill=(255, 255, 255, alpha),
            font=font,
        )
    return Image.alpha_composite(img.convert("RGBA"), over).convert("RGB")


def _mirror(img: Image.Image, rng: random.Random) -> Image.Image:
    return img.transpose(Image.Transpose.FLIP_LEFT_RIGHT)


def _rotate(img: Image.Image, rng: random.Random) -> Image.Image:
    angle = rng.choice((-1, 1)) * rng.uniform(2.0, 4.0)
    return img.rotate(
        angle, resample=Image.Resampling.BICUBIC, fillcolor=(255, 255, 255)
    )


def _crop10(img: Image.Image, rng: random.Random) -> Image.Image:
    w, h = img.size
    dx, dy = int(w * 0.1), int(h * 0.1)
    left, top = rng.randint(0, dx), rng.randint(0, dy)
    return img.crop((left, top, left + w - dx, top + h - dy))


def _screenshot(img: Image.Image, rng: random.Random) -> Image.Image:
    cw = rng.choice((540, 600, 720))
    ch = int(cw * 19.5 / 9)
    dark = rng.random() < 0.5
    bg = (16, 16, 18) if dark else (250, 250, 250)
    fg = (240, 240, 240) if dark else (20, 20, 20)
    out = Image.new("RGB", (cw, ch), bg)
    d = ImageDraw.Draw(out)
    d.text(
        (cw * 0.06, 14),
        f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d}",
        fill=fg,
        font=_font(26),
    )
    d.rectangle((cw * 0.85, 18, cw * 0.93, 36), outline=fg, width=2)
    d.text(
        (cw * 0.06, 70),
        "@" + rng.choice(_WORDS) + rng.choice(_WORDS),
        fill=fg,
        font=_font(24),
    )
    margin = int(cw * rng.uniform(0.0, 0.05))
    tw = cw - 2 * margin
    th = int(img.height * tw / img.width)
    y = int(ch * rng.uniform(0.12, 0.25))
    out.paste(img.resize((tw, th), Image.Resampling.LANCZOS), (margin, y))
    d.text(
        (cw * 0.06, y + th + 20),
        " ".join(rng.choice(_WORDS) for _ in range(5)),
        fill=fg,
        font=_font(22),
    )
    return out


EDITS: dict[str, Callable[[Image.Image, random.Random], Image.Image]] = {
    "resize": _resize,
    "recompress": _recompress,
    "border": _border,
    "caption": _caption,
    "watermark": _watermark,
    "mirror": _mirror,
    "rotate": _rotate,
    "crop10": _crop10,
    "screenshot": _screenshot,
}


def edited(img: Image.Image, edit: str, seed: int) -> bytes:
    """Apply one edit (seeded) and return the re-encoded JPEG bytes."""
    rng = random.Random(seed * 7919 + sum(map(ord, edit)))
    out = EDITS[edit](img, rng)
    return jpeg(out, 90 if edit == "recompress" else rng.randint(70, 90))
