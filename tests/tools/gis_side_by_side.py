"""Build docs/gis-side-by-side.png: mapview's PNG export beside QGIS's renderings of the GIS exports.

Usage (the QGIS images are made first with tests/tools/qgis_render.py):
``python tests/tools/gis_side_by_side.py out.png mapview.png "mapview PNG" qgis1.png "QGIS: map.gpkg" ...``
Each image is scaled to the same height and captioned.
"""

import sys

from PIL import Image, ImageDraw, ImageFont


def main(out: str, pairs: list[str]) -> None:
    height = 720
    panels = []
    for path, caption in zip(pairs[::2], pairs[1::2], strict=True):
        with Image.open(path) as image:
            image = image.convert("RGB")
            bbox = Image.eval(image, lambda v: 255 - v).getbbox() or (0, 0, *image.size)  # trim white margins
            image = image.crop(bbox)
            scaled = image.resize((round(image.width * height / image.height), height))
        panels.append((scaled, caption))
    font = ImageFont.truetype("DejaVuSans.ttf", 22) if _has_dejavu() else ImageFont.load_default()
    width = sum(p.width for p, _ in panels) + 20 * (len(panels) + 1)
    sheet = Image.new("RGB", (width, height + 70), "white")
    draw = ImageDraw.Draw(sheet)
    x = 20
    for panel, caption in panels:
        sheet.paste(panel, (x, 55))
        draw.text((x, 15), caption, fill="#111111", font=font)
        x += panel.width + 20
    sheet.quantize(256, dither=0).save(out, optimize=True)  # flat map colours: a palette keeps them


def _has_dejavu() -> bool:
    try:
        ImageFont.truetype("DejaVuSans.ttf", 10)
    except OSError:
        return False
    return True


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
