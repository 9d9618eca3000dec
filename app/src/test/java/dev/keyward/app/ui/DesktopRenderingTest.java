package dev.keyward.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class DesktopRenderingTest {

    @Test
    void theDesktopDrawsInSoftwareWhenNobodyChoseAPipeline() {
        Properties properties = new Properties();
        DesktopRendering.choose(properties);
        assertEquals("sw", properties.getProperty("prism.order"));
        Properties blank = new Properties();
        blank.setProperty("prism.order", " ");
        DesktopRendering.choose(blank);
        assertEquals("sw", blank.getProperty("prism.order"));
    }

    @Test
    void aPipelineThePersonChoseWithPrismOrderIsKept() {
        Properties properties = new Properties();
        properties.setProperty("prism.order", "es2,sw");
        DesktopRendering.choose(properties);
        assertEquals("es2,sw", properties.getProperty("prism.order"));
        assertNull(properties.getProperty("prism.disableRegionCaching"), "a GPU keeps JavaFX's region cache");
    }

    @Test
    void drawingInSoftwareKeepsNoRegionCache() {
        Properties properties = new Properties();
        DesktopRendering.choose(properties);
        assertEquals("true", properties.getProperty("prism.disableRegionCaching"));
    }

    @Test
    void softwareChosenByThePersonKeepsNoRegionCacheEither() {
        Properties properties = new Properties();
        properties.setProperty("prism.order", "sw");
        DesktopRendering.choose(properties);
        assertEquals("sw", properties.getProperty("prism.order"));
        assertEquals("true", properties.getProperty("prism.disableRegionCaching"));
    }

    @Test
    void aRegionCacheThePersonTurnedOnIsKept() {
        Properties properties = new Properties();
        properties.setProperty("prism.disableRegionCaching", "false");
        DesktopRendering.choose(properties);
        assertEquals("false", properties.getProperty("prism.disableRegionCaching"));
    }
}
