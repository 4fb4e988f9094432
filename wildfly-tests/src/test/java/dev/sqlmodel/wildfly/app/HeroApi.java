package dev.sqlmodel.wildfly.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The hero API of the SQLModel tutorial, at the root of the WAR. */
@ApplicationPath("/")
public class HeroApi extends Application {
}
