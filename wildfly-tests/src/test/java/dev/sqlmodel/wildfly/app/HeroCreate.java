package dev.sqlmodel.wildfly.app;

/** The body of {@code POST /heroes}: a hero without an id (a plain data model, never stored). */
public class HeroCreate extends HeroBase {
}
