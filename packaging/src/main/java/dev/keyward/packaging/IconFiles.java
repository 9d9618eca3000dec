package dev.keyward.packaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Writes {@link IconArtwork} in the three formats jpackage wants: PNG (Linux), ICO (Windows)
 * and ICNS (macOS). ICO and ICNS both accept PNG-compressed images, so each is a small
 * directory in front of PNG bytes.
 */
public final class IconFiles {

    /** Sizes in the Windows .ico: Explorer, taskbar and Start menu at 100-200 % scaling. */
    static final int[] ICO_SIZES = {16, 24, 32, 48, 64, 128, 256};

    /** macOS icon element types holding PNG data, by pixel size (ic10 is 512 pt at 2x). */
    static final Map<String, Integer> ICNS_TYPES = icnsTypes();

    private IconFiles() {
    }

    /** Writes the PNG (256 px, jpackage's Linux icon) and both other formats into {@code folder}. */
    public static void writeAll(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve("keyward.png"), png(256));
        Files.write(folder.resolve("keyward.ico"), ico());
        Files.write(folder.resolve("keyward.icns"), icns());
    }

    static byte[] png(int size) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(IconArtwork.render(size), "png", bytes)) {
                throw new IllegalStateException("This JDK cannot write PNG images.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] ico() {
        List<byte[]> images = new ArrayList<>();
        for (int size : ICO_SIZES) {
            images.add(png(size));
        }
        int headerLength = 6 + 16 * images.size();
        int total = headerLength + images.stream().mapToInt(b -> b.length).sum();
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) 1).putShort((short) images.size());
        int offset = headerLength;
        for (int i = 0; i < images.size(); i++) {
            int size = ICO_SIZES[i];
            out.put((byte) (size >= 256 ? 0 : size)); // 0 means 256 in an ICO directory
            out.put((byte) (size >= 256 ? 0 : size));
            out.put((byte) 0).put((byte) 0); // no palette, reserved
            out.putShort((short) 1).putShort((short) 32); // colour planes, bits per pixel
            out.putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        images.forEach(out::put);
        return out.array();
    }

    static byte[] icns() {
        Map<String, byte[]> elements = new LinkedHashMap<>();
        ICNS_TYPES.forEach((type, size) -> elements.put(type, png(size)));
        int total = 8 + elements.values().stream().mapToInt(b -> 8 + b.length).sum();
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
        out.put("icns".getBytes(StandardCharsets.US_ASCII)).putInt(total);
        elements.forEach((type, data) -> {
            out.put(type.getBytes(StandardCharsets.US_ASCII)).putInt(8 + data.length).put(data);
        });
        return out.array();
    }

    private static Map<String, Integer> icnsTypes() {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("icp6", 64);
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic09", 512);
        types.put("ic10", 1024);
        return Collections.unmodifiableMap(types);
    }
}
