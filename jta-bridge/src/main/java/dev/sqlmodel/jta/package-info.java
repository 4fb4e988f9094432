/**
 * Binding sessions to JTA transactions: {@link dev.sqlmodel.jta.JtaTransactions} (the
 * {@code TransactionSynchronizationRegistry}-based integration), connection sources whose
 * connections the transaction enlists, and engines built on them. Internal: used by the CDI
 * extension and by applications that wire Narayana by hand; not API, may change in any release.
 */
package dev.sqlmodel.jta;
