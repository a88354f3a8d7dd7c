package com.easydesk.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Scales an image down to fit a square box, reading no more pixels than needed: a large photo is decoded
 * with subsampling, and an image whose size says it would not fit in memory is refused before decoding.
 * Opaque images become JPEG, images with transparency PNG. A photo's EXIF orientation is applied, as
 * browsers do for the photo itself.
 */
final class ThumbnailMaker {

    /** Twice the largest size pages show, for sharp thumbnails on high-density screens. */
    static final int BOX = 320;

    /** The image types Java reads without extra libraries; other images get an icon instead. */
    static final Set<String> READABLE = Set.of("image/png", "image/jpeg", "image/gif", "image/bmp",
            "image/x-ms-bmp");

    private static final long MAX_PIXELS = 120_000_000L;
    private static final float JPEG_QUALITY = 0.85f;

    private ThumbnailMaker() {
    }

    record Image(byte[] bytes, String contentType) {
    }

    static Image make(InputStream content) throws IOException {
        var buffered = new BufferedInputStream(content, ExifOrientation.HEAD_BYTES);
        buffered.mark(ExifOrientation.HEAD_BYTES);
        int orientation = ExifOrientation.of(buffered.readNBytes(ExifOrientation.HEAD_BYTES));
        buffered.reset();
        BufferedImage source = read(buffered);
        double scale = Math.min(1.0, (double) BOX / Math.max(source.getWidth(), source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        boolean transparent = source.getColorModel().hasAlpha();

        var thumbnail = new BufferedImage(width, height,
                transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = thumbnail.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (!transparent) {
                graphics.setColor(Color.WHITE);
                graphics.fillRect(0, 0, width, height);
            }
            graphics.drawImage(source, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        thumbnail = ExifOrientation.upright(thumbnail, orientation);
        return transparent ? new Image(png(thumbnail), "image/png") : new Image(jpeg(thumbnail), "image/jpeg");
    }

    private static BufferedImage read(InputStream content) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(content)) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("No image reader for this content");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                    throw new IOException("Image of " + width + " × " + height + " pixels is not decoded");
                }
                ImageReadParam parameters = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / (2 * BOX));
                parameters.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, parameters);
                if (image == null) {
                    throw new IOException("Image could not be decoded");
                }
                return image;
            } finally {
                reader.dispose();
            }
        }
    }

    private static byte[] png(BufferedImage image) throws IOException {
        var bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("No PNG writer");
        }
        return bytes.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), parameters);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
