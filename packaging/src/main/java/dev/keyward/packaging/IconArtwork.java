package dev.keyward.packaging;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/**
 * Keyward's application icon, drawn as vector shapes so every size (16 px menu entries to the
 * 1024 px macOS retina icon) is rendered sharp from one definition: a gold key on a blue tile.
 */
public final class IconArtwork {

    /** The design grid; shapes below are in these units and scaled to the requested size. */
    private static final double GRID = 1024;

    private static final Color TILE_TOP = new Color(0x2B, 0x58, 0x76);
    private static final Color TILE_BOTTOM = new Color(0x14, 0x24, 0x38);
    private static final Color KEY = new Color(0xF2, 0xC1, 0x4E);
    private static final Color KEY_EDGE = new Color(0xB8, 0x86, 0x1B);

    private IconArtwork() {
    }

    /** The icon as a square ARGB image of {@code size} pixels, transparent outside the tile. */
    public static BufferedImage render(int size) {
        if (size < 16 || size > 1024) {
            throw new IllegalArgumentException("Icon sizes run from 16 to 1024 pixels, not " + size + ".");
        }
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size / GRID, size / GRID);
            g.setPaint(new GradientPaint(0, 64, TILE_TOP, 0, 960, TILE_BOTTOM));
            g.fill(new RoundRectangle2D.Double(64, 64, 896, 896, 200, 200));
            Area key = key();
            g.setColor(KEY_EDGE);
            g.fill(key.createTransformedArea(AffineTransform.getTranslateInstance(0, 14)));
            g.setColor(KEY);
            g.fill(key);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** A key lying along the tile's diagonal: a ring (the bow), a shaft and two teeth. */
    private static Area key() {
        Area key = new Area(new Ellipse2D.Double(300 - 175, 512 - 175, 350, 350));
        key.subtract(new Area(new Ellipse2D.Double(300 - 72, 512 - 72, 144, 144)));
        key.add(new Area(new Rectangle2D.Double(440, 470, 420, 84)));
        key.add(new Area(new Rectangle2D.Double(712, 554, 64, 100)));
        key.add(new Area(new Rectangle2D.Double(796, 554, 64, 70)));
        return key.createTransformedArea(AffineTransform.getRotateInstance(Math.toRadians(45), 512, 512));
    }
}
