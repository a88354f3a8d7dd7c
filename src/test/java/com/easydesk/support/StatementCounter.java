package com.easydesk.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements one piece of work sends to the database: every statement JDBC prepares or
 * creates on a connection of the application's data source, whoever asks (Hibernate, JdbcTemplate, Flyway).
 * Only the current thread's work is counted, so the mail sender and other background work polling the same
 * database meanwhile do not disturb a count; MockMvc runs a request on the test's thread.
 */
@Component
public class StatementCounter implements BeanPostProcessor {

    private static final Set<String> NEW_STATEMENT = Set.of("prepareStatement", "prepareCall", "createStatement");

    private final ThreadLocal<int[]> counting = new ThreadLocal<>();

    /** Runs the work and answers how many statements it sent, with what the work returned. */
    public <T> Counted<T> count(Callable<T> work) throws Exception {
        int[] statements = new int[1];
        counting.set(statements);
        try {
            T result = work.call();
            return new Counted<>(statements[0], result);
        } finally {
            counting.remove();
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(Proxy.isProxyClass(bean.getClass()))) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
                    forward(dataSource, this::connection));
        }
        return bean;
    }

    private Object connection(Method method, Object result) {
        if (result instanceof Connection connection) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
                    forward(connection, this::statement));
        }
        return result;
    }

    private Object statement(Method method, Object result) {
        int[] statements = counting.get();
        if (statements != null && NEW_STATEMENT.contains(method.getName())) {
            statements[0]++;
        }
        return result;
    }

    /**
     * Calls the real object and lets {@code after} look at (and replace) what it returned. A proxy is equal
     * only to itself, as the pool's own connection objects are.
     */
    private static InvocationHandler forward(Object target, After after) {
        return (proxy, method, arguments) -> {
            if (method.getName().equals("equals") && method.getParameterCount() == 1) {
                return proxy == arguments[0];
            }
            if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
                return System.identityHashCode(proxy);
            }
            try {
                return after.apply(method, method.invoke(target, arguments));
            } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
            }
        };
    }

    private interface After {
        Object apply(Method method, Object result);
    }

    /** How many statements some work sent, and its result. */
    public record Counted<T>(int statements, T result) {
    }
}
