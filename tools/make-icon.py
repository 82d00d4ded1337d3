#!/usr/bin/env python3
"""Writes assets/icon.png, the packages' icon (128x128): a rounded blue square with a white diamond.
Pure Python (zlib + struct) so it needs nothing installed; run it again only to change the icon."""
import struct, zlib, os

SIZE, RADIUS = 128, 24
BLUE, DARK, WHITE = (0x1E, 0x5B, 0xD8), (0x0B, 0x24, 0x5C), (0xFF, 0xFF, 0xFF)

def inside_rounded(x, y):
    cx = min(max(x, RADIUS), SIZE - 1 - RADIUS)
    cy = min(max(y, RADIUS), SIZE - 1 - RADIUS)
    return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2

def pixel(x, y):
    if not inside_rounded(x, y):
        return (0, 0, 0, 0)
    d = abs(x - 63.5) + abs(y - 63.5)          # diamond distance from the centre
    if d <= 20:
        return DARK + (255,)
    if d <= 44:
        return WHITE + (255,)
    return BLUE + (255,)

rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(SIZE)) for y in range(SIZE))

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "icon.png")
with open(out, "wb") as f:
    f.write(png)
