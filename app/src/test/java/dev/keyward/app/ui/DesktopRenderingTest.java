package dev.keyward.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    }
}
