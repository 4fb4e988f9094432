/**
 * Binding sessions to JTA transactions: {@link dev.sqlmodel.jta.JtaTransactions} (the
 * {@code TransactionSynchronizationRegistry}-based integration), connection sources whose
 * connections the transaction enlists (non-XA as its single last resource, or XA), engines built
 * on them, and the registration of XA pools with Narayana's recovery manager. Internal: used by
 * the CDI extension and by applications that wire Narayana by hand; not API, may change in any
 * release.
 */
package dev.sqlmodel.jta;
