"""Seeded Pillow drawings and edits shared by the image tests."""

from __future__ import annotations

import io
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFont


def draw(seed: int, size: tuple[int, int] = (320, 240)) -> Image.Image:
    """A distinct picture: gradient + noise background, shapes and a word."""
    rng = random.Random(seed)
    w, h = size
    npr = np.random.default_rng(seed)
    cells = npr.random((4, 4)).astype(np.float32)
    t = (
        np.asarray(
            Image.fromarray((cells * 255).astype(np.uint8)).resize(
                (w, h), Image.Resampling.BICUBIC
            ),
            dtype=np.float32,
        )[..., None]
        / 255.0
    )
    c1 = np.array([rng.randrange(256) for _ in range(3)], np.float32)
    c2 = np.array([rng.randrange(256) for _ in range(3)], np.float32)
    arr = c1 * (1 - t) + c2 * t + npr.normal(0, 3, (h, w, 3)).astype(np.float32)
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    d = ImageDraw.Draw(img)
    for _ in range(6):
        x0, y0 = rng.uniform(0, 0.8) * w, rng.uniform(0, 0.8) * h
        box = (x0, y0, x0 + rng.uniform(0.1, 0.5) * w, y0 + rng.uniform(0.1, 0.5) * h)
        color = tuple(rng.randrange(256) for _ in range(3))
        if rng.random() < 0.5:
            d.ellipse(box, fill=color)
        else:
            d.rectangle(box, fill=color)
    d.text(
        (w * 0.1, h * 0.7),
        "maple",
        fill=(0, 0, 0),
        font=ImageFont.load_default(size=28),
    )
    return img


def to_bytes(img: Image.Image, fmt: str = "JPEG", **kw: object) -> bytes:
    buf = io.BytesIO()
    if fmt == "JPEG" and img.mode not in ("RGB", "L", "CMYK"):
        img = img.convert("RGB")
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def border(img: Image.Image) -> Image.Image:
    out = Image.new("RGB", (img.width + 60, img.height + 40), (30, 90, 200))
    out.paste(img, (25, 15))
    return out


def caption(img: Image.Image) -> Image.Image:
    bar = img.height // 5
    out = Image.new("RGB", (img.width, img.height + bar), (255, 255, 255))
    out.paste(img, (0, bar))
    ImageDraw.Draw(out).text(
        (10, bar * 0.2),
        "WHEN THE BELL",
        fill=(0, 0, 0),
        font=ImageFont.load_default(size=bar // 2),
    )
    return out


def screenshot(img: Image.Image) -> Image.Image:
    out = Image.new("RGB", (360, 780), (16, 16, 18))
    d = ImageDraw.Draw(out)
    d.text((20, 10), "9:41", fill=(240, 240, 240), font=ImageFont.load_default(size=20))
    small = img.resize((340, int(img.height * 340 / img.width)))
    out.paste(small, (10, 150))
    d.text((20, 150 + small.height + 20), "look at this", fill=(240, 240, 240))
    return out


def crop10(img: Image.Image) -> Image.Image:
    w, h = img.size
    return img.crop((int(w * 0.06), int(h * 0.04), int(w * 0.96), int(h * 0.94)))


def mirror(img: Image.Image) -> Image.Image:
    return img.transpose(Image.Transpose.FLIP_LEFT_RIGHT)


def resize(img: Image.Image) -> Image.Image:
    return img.resize((img.width // 2, img.height // 2))


def recompress(img: Image.Image) -> Image.Image:
    return Image.open(io.BytesIO(to_bytes(img, quality=25))).convert("RGB")


def watermark(img: Image.Image) -> Image.Image:
    over = Image.new("RGBA", img.size, (0, 0, 0, 0))
    ImageDraw.Draw(over).text(
        (img.width * 0.2, img.height * 0.4),
        "SAMPLE",
        fill=(255, 255, 255, 110),
        font=ImageFont.load_default(size=img.width // 8),
    )
    return Image.alpha_composite(img.convert("RGBA"), over).convert("RGB")


def rotate(img: Image.Image) -> Image.Image:
    return img.rotate(2.5, resample=Image.Resampling.BICUBIC, fillcolor=(255, 255, 255))
