package dev.sqlmodel.jta;

import java.io.Serializable;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * An XA resource that votes yes and, in a JVM started with {@code -Dsqlmodel.test.halt=true},
 * halts the JVM when asked to commit: enlisted before the databases, it is committed first, so the
 * JVM dies after every branch is prepared and the transaction's commit decision is logged, before
 * any database commits. Serializable, so that Narayana keeps it in the log and the recovering JVM
 * commits it (without halting) instead of searching for its resource manager.
 */
final class HaltOnCommit implements XAResource, Serializable {
    private static final long serialVersionUID = 1L;
    static final int EXIT_CODE = 77;

    @Override
    public void commit(Xid xid, boolean onePhase) {
        if (Boolean.getBoolean("sqlmodel.test.halt")) {
            Runtime.getRuntime().halt(EXIT_CODE);
        }
    }

    @Override
    public void end(Xid xid, int flags) {
    }

    @Override
    public void forget(Xid xid) {
    }

    @Override
    public int getTransactionTimeout() {
        return 0;
    }

    @Override
    public boolean isSameRM(XAResource other) {
        return other == this;
    }

    @Override
    public int prepare(Xid xid) {
        return XA_OK;
    }

    @Override
    public Xid[] recover(int flag) {
        return new Xid[0];
    }

    @Override
    public void rollback(Xid xid) {
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
        return false;
    }

    @Override
    public void start(Xid xid, int flags) {
    }
}
