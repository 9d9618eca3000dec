package dev.keyward.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IconFilesTest {

    @Test
    void theTileIsOpaqueInsideAndTheCornersAreTransparent() {
        BufferedImage icon = IconArtwork.render(64);
        assertEquals(0, icon.getRGB(0, 0) >>> 24, "corner alpha");
        assertEquals(255, icon.getRGB(32, 8) >>> 24, "tile alpha near the top edge");
        assertThrows(IllegalArgumentException.class, () -> IconArtwork.render(8));
    }

    @Test
    void icoDirectoryPointsAtOnePngPerSize() throws IOException {
        byte[] ico = IconFiles.ico();
        ByteBuffer in = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, in.getShort());
        assertEquals(1, in.getShort(), "type 1 = icon");
        int count = in.getShort();
        assertEquals(IconFiles.ICO_SIZES.length, count);
        for (int i = 0; i < count; i++) {
            int width = Byte.toUnsignedInt(in.get(6 + 16 * i));
            int length = in.getInt(6 + 16 * i + 8);
            int offset = in.getInt(6 + 16 * i + 12);
            BufferedImage image = decode(Arrays.copyOfRange(ico, offset, offset + length));
            int expected = IconFiles.ICO_SIZES[i];
            assertEquals(expected, image.getWidth());
            assertEquals(expected == 256 ? 0 : expected, width);
        }
    }

    @Test
    void icnsElementsAreSizedPngsAndTheHeaderLengthMatches() throws IOException {
        byte[] icns = IconFiles.icns();
        ByteBuffer in = ByteBuffer.wrap(icns).order(ByteOrder.BIG_ENDIAN);
        assertEquals("icns", new String(icns, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(icns.length, in.getInt(4));
        Map<String, Integer> found = new HashMap<>();
        int at = 8;
        while (at < icns.length) {
            String type = new String(icns, at, 4, StandardCharsets.US_ASCII);
            int length = in.getInt(at + 4);
            found.put(type, decode(Arrays.copyOfRange(icns, at + 8, at + length)).getWidth());
            at += length;
        }
        assertEquals(IconFiles.ICNS_TYPES, found);
    }

    @Test
    void writesTheThreePlatformIcons(@TempDir Path dir) throws IOException {
        IconFiles.writeAll(dir);
        assertEquals(256, decode(Files.readAllBytes(dir.resolve("keyward.png"))).getWidth());
        assertTrue(Files.size(dir.resolve("keyward.ico")) > 1000);
        assertTrue(Files.size(dir.resolve("keyward.icns")) > 1000);
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image != null, "a PNG image");
        assertEquals(image.getWidth(), image.getHeight());
        return image;
    }
}
