package dev.keyward.app.ui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Marks a TestFX test class: its {@code @Start} method gets the JVM's one shared primary stage, first
 * put back the way a fresh stage is ({@link FreshStage}), so no earlier class decides its window size.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith({FreshStage.class, ApplicationExtension.class})
public @interface DesktopTest {
}
