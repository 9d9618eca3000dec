package dev.keyward.app.ui.tray;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Draws the tray icon for each state: a key on a coloured disc (green, grey, amber). */
final class TrayIconArt {

    private TrayIconArt() {
    }

    static BufferedImage draw(TrayState state, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(switch (state) {
                case UNLOCKED -> new Color(0x2da44e);
                case LOCKED -> new Color(0x6e7781);
                case NEEDS_ATTENTION -> new Color(0xbf8700);
            });
            g.fillOval(0, 0, size - 1, size - 1);
            g.setColor(Color.WHITE);
            float s = size / 16f;
            g.setStroke(new BasicStroke(1.6f * s, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.drawOval(Math.round(3 * s), Math.round(5 * s), Math.round(5 * s), Math.round(5 * s));
            g.drawLine(Math.round(8 * s), Math.round(7.5f * s), Math.round(13 * s), Math.round(7.5f * s));
            g.drawLine(Math.round(11.5f * s), Math.round(7.5f * s), Math.round(11.5f * s), Math.round(10 * s));
            if (state == TrayState.NEEDS_ATTENTION) {
                g.setColor(new Color(0xcf222e));
                g.fillOval(Math.round(10 * s), 0, Math.round(6 * s), Math.round(6 * s));
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
