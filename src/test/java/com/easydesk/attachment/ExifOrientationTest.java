package com.easydesk.attachment;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExifOrientationTest {

    private static final int LEFT = 0xff0000;
    private static final int RIGHT = 0x0000ff;

    @Test
    void orientationIsReadFromTheExifBlock() {
        byte[] photo = AttachmentServingTest.withOrientation(AttachmentServingTest.jpeg(40, 20), 6);

        assertThat(ExifOrientation.of(photo)).isEqualTo(6);
    }

    @Test
    void photoWithoutExifIsAsStored() {
        assertThat(ExifOrientation.of(AttachmentServingTest.jpeg(40, 20))).isEqualTo(1);
        assertThat(ExifOrientation.of(AttachmentServingTest.png(4, 4))).isEqualTo(1);
    }

    @Test
    void quarterTurnClockwisePutsTheLeftEdgeOnTop() {
        BufferedImage turned = ExifOrientation.upright(leftRed(), 6);

        assertThat(turned.getWidth()).isEqualTo(1);
        assertThat(turned.getHeight()).isEqualTo(2);
        assertThat(turned.getRGB(0, 0) & 0xffffff).isEqualTo(LEFT);
        assertThat(turned.getRGB(0, 1) & 0xffffff).isEqualTo(RIGHT);
    }

    @Test
    void quarterTurnCounterClockwisePutsTheLeftEdgeAtTheBottom() {
        BufferedImage turned = ExifOrientation.upright(leftRed(), 8);

        assertThat(turned.getRGB(0, 0) & 0xffffff).isEqualTo(RIGHT);
        assertThat(turned.getRGB(0, 1) & 0xffffff).isEqualTo(LEFT);
    }

    @Test
    void mirroredPhotoIsMirroredBack() {
        BufferedImage turned = ExifOrientation.upright(leftRed(), 2);

        assertThat(turned.getRGB(0, 0) & 0xffffff).isEqualTo(RIGHT);
        assertThat(turned.getRGB(1, 0) & 0xffffff).isEqualTo(LEFT);
    }

    private static BufferedImage leftRed() {
        var image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, LEFT);
        image.setRGB(1, 0, RIGHT);
        return image;
    }
}
