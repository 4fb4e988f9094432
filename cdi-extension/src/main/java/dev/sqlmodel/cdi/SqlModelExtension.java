package dev.sqlmodel.cdi;

import dev.sqlmodel.Database;
import dev.sqlmodel.Engine;
import dev.sqlmodel.Session;
import dev.sqlmodel.StatelessSession;
import dev.sqlmodel.Table;
import dev.sqlmodel.jta.JtaEngines;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The portable CDI extension. It collects models (the processor's index plus the
 * {@code @Table} types the container shows it), the database names used at injection points,
 * in configuration and by {@code @Database DataSource} beans, adds an {@code Engine}
 * ({@code @ApplicationScoped}), a {@code Session} and a {@code StatelessSession} ({@code @RequestScoped},
 * closed when the request ends) bean for the default database and for each name, and fails deployment when a
 * model is invalid or an injected database is not configured.
 */
public final class SqlModelExtension implements Extension {
    private final ModelCatalog catalog = new ModelCatalog();
    private final Set<String> names = new TreeSet<>();
    private final Set<String> injected = new TreeSet<>();
    private final RepositoryBeans repositories = new RepositoryBeans();

    /** Created by the container's service loader. */
    public SqlModelExtension() {
    }

    void discovered(@Observes @WithAnnotations(Table.class) ProcessAnnotatedType<?> event) {
        Class<?> type = event.getAnnotatedType().getJavaClass();
        if (type.isAnnotationPresent(Table.class)) {
            catalog.add(type);
        }
    }

    void injectionPoint(@Observes ProcessInjectionPoint<?, ?> event) {
        InjectionPoint ip = event.getInjectionPoint();
        Class<?> raw = rawType(ip.getType());
        if (raw == Session.class || raw == StatelessSession.class || raw == Engine.class) {
            String name = nameOf(ip.getQualifiers());
            injected.add(name);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
    }

    void dataSourceBean(@Observes ProcessBean<?> event) {
        if (event.getBean().getTypes().contains(DataSource.class)) {
            String name = nameOf(event.getBean().getQualifiers());
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
    }

    void repositoryBean(@Observes ProcessManagedBean<?> event) {
        repositories.add(event.getAnnotatedBeanClass().getJavaClass());
    }

    void addBeans(@Observes AfterBeanDiscovery event, BeanManager manager) {
        // before the application's first transaction, which is when Narayana reads it
        JtaEngines.useAgroalLastResources();
        catalog.addIndexed(loader());
        names.addAll(DatabaseConfig.names(Settings.load(loader())));
        List<Class<?>> models = catalog.models();
        List<String> all = new java.util.ArrayList<>();
        all.add("");
        all.addAll(names);
        for (String name : all) {
            Annotation qualifier = Databases.qualifier(name);
            event.addBean()
                    .beanClass(Engine.class)
                    .types(Engine.class, Object.class)
                    .qualifiers(qualifier, Any.Literal.INSTANCE)
                    .scope(ApplicationScoped.class)
                    .createWith(context -> Databases.openEngine(name, models, manager.createInstance()))
                    .destroyWith((engine, context) -> {
                        ((Engine) engine).close();
                        CdiValidation.uninstall();
                    });
            event.addBean()
                    .beanClass(Session.class)
                    .types(Session.class, Object.class)
                    .qualifiers(qualifier, Any.Literal.INSTANCE)
                    .scope(RequestScoped.class)
                    .createWith(context -> Databases.openSession(name, manager.createInstance()))
                    .destroyWith((session, context) -> ((Session) session).close());
            event.addBean()
                    .beanClass(StatelessSession.class)
                    .types(StatelessSession.class, Object.class)
                    .qualifiers(qualifier, Any.Literal.INSTANCE)
                    .scope(RequestScoped.class)
                    .createWith(context -> Databases.openStateless(name, manager.createInstance()))
                    .destroyWith((session, context) -> ((StatelessSession) session).close());
        }
    }

    void check(@Observes AfterDeploymentValidation event, BeanManager manager) {
        for (ModelCatalog.Problem problem : catalog.problems()) {
            event.addDeploymentProblem(problem.deploymentException());
        }
        repositories.problems(loader()).forEach(event::addDeploymentProblem);
        Settings settings = Settings.load(loader());
        for (String name : injected) {
            boolean bean = !manager.getBeans(DataSource.class, Databases.qualifier(name)).isEmpty();
            DatabaseConfig config = DatabaseConfig.read(name, settings);
            if (!bean && !config.configured()) {
                event.addDeploymentProblem(new DeploymentException(Databases.notConfigured(name)));
            } else if (config.problem(name, bean) != null) {
                event.addDeploymentProblem(new DeploymentException(config.problem(name, bean)));
            }
        }
    }

    static String nameOf(Set<Annotation> qualifiers) {
        for (Annotation q : qualifiers) {
            if (q instanceof Database d) {
                return d.value();
            }
        }
        return "";
    }

    private static Class<?> rawType(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            // Instance<Session> and Provider<Session> name the database of what they provide
            Type raw = p.getRawType();
            if ((raw == jakarta.enterprise.inject.Instance.class || raw == jakarta.inject.Provider.class)
                    && p.getActualTypeArguments()[0] instanceof Class<?> c) {
                return c;
            }
        }
        return null;
    }

    private static ClassLoader loader() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return tccl != null ? tccl : SqlModelExtension.class.getClassLoader();
    }

    @Override
    public String toString() {
        return "SqlModelExtension[" + catalog + ", databases " + names + "]";
    }
}
