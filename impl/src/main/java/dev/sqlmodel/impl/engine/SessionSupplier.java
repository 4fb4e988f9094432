package dev.sqlmodel.impl.engine;

import dev.sqlmodel.Session;
import dev.sqlmodel.SqlModelException;
import dev.sqlmodel.StatelessSession;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.function.Function;

/**
 * Makes sessions for {@link EngineImpl#session()} without this package depending on the session
 * package at compile time (the two are built separately and the session class may still be
 * abstract).
 *
 * <p>The session package registers its factory with {@link #register(Function)} from a static
 * initializer of {@code dev.sqlmodel.impl.session.SessionImpl}. {@link #create(EngineImpl)} first
 * initializes that class with {@code Class.forName(name, true, loader)} so the registration has
 * run; when nothing registered and the class is concrete with a public
 * {@code SessionImpl(EngineImpl)} constructor, that constructor is used instead.
 */
public final class SessionSupplier {
    /** The session class, initialized before the first session is made. */
    public static final String SESSION_CLASS = "dev.sqlmodel.impl.session.SessionImpl";

    /** The stateless session class, which registers its factory the same way. */
    public static final String STATELESS_CLASS = "dev.sqlmodel.impl.session.StatelessSessionImpl";

    private static volatile Function<EngineImpl, Session> factory;
    private static volatile Function<EngineImpl, StatelessSession> statelessFactory;

    private SessionSupplier() {
    }

    /** Sets the factory every engine uses from now on. */
    public static void register(Function<EngineImpl, Session> sessions) {
        factory = Objects.requireNonNull(sessions, "sessions");
    }

    /** Sets the stateless-session factory every engine uses from now on. */
    public static void registerStateless(Function<EngineImpl, StatelessSession> sessions) {
        statelessFactory = Objects.requireNonNull(sessions, "sessions");
    }

    /**
     * A new stateless session of {@code engine}.
     *
     * @throws SqlModelException when no stateless session implementation is available
     */
    public static StatelessSession createStateless(EngineImpl engine) {
        Function<EngineImpl, StatelessSession> f = statelessFactory;
        if (f == null) {
            try {
                Class.forName(STATELESS_CLASS, true, SessionSupplier.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new SqlModelException("no stateless session implementation: cannot load " + STATELESS_CLASS, e);
            }
            f = statelessFactory;
            if (f == null) {
                throw new SqlModelException("no stateless session implementation: " + STATELESS_CLASS
                        + " registered no factory");
            }
        }
        return f.apply(engine);
    }

    /**
     * A new session of {@code engine}.
     *
     * @throws SqlModelException when no session implementation is available
     */
    public static Session create(EngineImpl engine) {
        Function<EngineImpl, Session> f = factory;
        if (f == null) {
            f = load();
        }
        return f.apply(engine);
    }

    private static synchronized Function<EngineImpl, Session> load() {
        if (factory != null) {
            return factory;
        }
        Class<?> type;
        try {
            type = Class.forName(SESSION_CLASS, true, SessionSupplier.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new SqlModelException("no session implementation: cannot load " + SESSION_CLASS, e);
        }
        if (factory != null) {
            return factory;
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new SqlModelException("no session implementation: " + SESSION_CLASS
                    + " is abstract and registered no factory");
        }
        MethodHandle constructor;
        try {
            constructor = MethodHandles.publicLookup().findConstructor(type,
                    MethodType.methodType(void.class, EngineImpl.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new SqlModelException("no session implementation: " + SESSION_CLASS
                    + " has no public constructor (EngineImpl)", e);
        }
        Function<EngineImpl, Session> byConstructor = engine -> {
            try {
                return (Session) constructor.invoke(engine);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new SqlModelException("cannot create a session: " + e, e);
            }
        };
        factory = byConstructor;
        return byConstructor;
    }
}
