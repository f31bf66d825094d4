"""Draw the WOMS app icons (a target on the brand blue) into assets/.

Run once when the design changes: python scripts/make_icons.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ASSETS = Path(__file__).resolve().parents[1] / "assets"
BLUE = (13, 78, 166, 255)
WHITE = (255, 255, 255, 255)


def draw(size: int, maskable: bool = False) -> Image.Image:
    """Return the icon at ``size`` pixels; maskable icons keep a safe margin."""
    image = Image.new("RGBA", (size, size), BLUE)
    pen = ImageDraw.Draw(image)
    centre = size / 2
    outer = size * (0.30 if maskable else 0.40)
    for index, radius in enumerate((outer, outer * 0.66, outer * 0.33)):
        colour = WHITE if index % 2 == 0 else BLUE
        pen.ellipse(
            (centre - radius, centre - radius, centre + radius, centre + radius), fill=colour
        )
    return image


def main() -> None:
    """Write every icon size the manifest and browsers ask for."""
    for size in (48, 72, 96, 128, 144, 152, 192, 384, 512):
        draw(size).save(ASSETS / f"icon-{size}.png", optimize=True)
    draw(512, maskable=True).save(ASSETS / "icon-maskable-512.png", optimize=True)
    draw(180).convert("RGB").save(ASSETS / "apple-touch-icon.png", optimize=True)
    draw(64).save(ASSETS / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48), (64, 64)])


if __name__ == "__main__":
    main()
