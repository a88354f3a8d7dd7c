package com.easydesk.attachment;

import java.awt.image.BufferedImage;

/**
 * The EXIF orientation of a JPEG: phones store photos as the sensor saw them and note how to turn them.
 * Browsers apply it when they show the photo; Java does not, so thumbnails apply it themselves.
 */
final class ExifOrientation {

    /** Enough of the file's start to hold its EXIF block in any ordinary photo. */
    static final int HEAD_BYTES = 128 * 1024;

    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    /** The orientation (1 to 8) noted in a JPEG's first bytes; 1, "as stored", when there is none. */
    static int of(byte[] head) {
        if (head.length < 4 || u8(head, 0) != 0xFF || u8(head, 1) != 0xD8) {
            return 1;
        }
        int at = 2;
        while (at + 4 <= head.length && u8(head, at) == 0xFF) {
            int marker = u8(head, at + 1);
            int length = (u8(head, at + 2) << 8) | u8(head, at + 3);
            if (marker == 0xDA || length < 2) {
                return 1;
            }
            if (marker == 0xE1 && isExif(head, at + 4)) {
                return orientation(head, at + 10, Math.min(head.length, at + 2 + length));
            }
            at += 2 + length;
        }
        return 1;
    }

    /** Turns and mirrors the image as its orientation says, so that it shows upright. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        boolean sideways = orientation >= 5;
        var turned = new BufferedImage(sideways ? height : width, sideways ? width : height, image.getType());
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] to = switch (orientation) {
                    case 2 -> new int[] { width - 1 - x, y };
                    case 3 -> new int[] { width - 1 - x, height - 1 - y };
                    case 4 -> new int[] { x, height - 1 - y };
                    case 5 -> new int[] { y, x };
                    case 6 -> new int[] { height - 1 - y, x };
                    case 7 -> new int[] { height - 1 - y, width - 1 - x };
                    default -> new int[] { y, width - 1 - x };
                };
                turned.setRGB(to[0], to[1], image.getRGB(x, y));
            }
        }
        return turned;
    }

    private static boolean isExif(byte[] head, int at) {
        return at + 6 <= head.length && head[at] == 'E' && head[at + 1] == 'x' && head[at + 2] == 'i'
                && head[at + 3] == 'f' && head[at + 4] == 0 && head[at + 5] == 0;
    }

    /** Reads the orientation tag of the first image directory of the TIFF block at {@code tiff}. */
    private static int orientation(byte[] head, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little = head[tiff] == 'I' && head[tiff + 1] == 'I';
        int directory = tiff + (int) read(head, tiff + 4, 4, little);
        if (directory < tiff || directory + 2 > end) {
            return 1;
        }
        int entries = (int) read(head, directory, 2, little);
        for (int i = 0; i < entries; i++) {
            int entry = directory + 2 + i * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (read(head, entry, 2, little) == ORIENTATION_TAG) {
                int value = (int) read(head, entry + 8, 2, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static long read(byte[] bytes, int at, int length, boolean little) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            int b = u8(bytes, little ? at + length - 1 - i : at + i);
            value = (value << 8) | b;
        }
        return value;
    }

    private static int u8(byte[] bytes, int at) {
        return bytes[at] & 0xff;
    }
}
