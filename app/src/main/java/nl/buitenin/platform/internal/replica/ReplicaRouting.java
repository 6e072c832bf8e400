package nl.buitenin.platform.internal.replica;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The data source of read-only transactions ({@code LazyConnectionDataSourceProxy.setReadOnlyDataSource}): a replica
 * connection for work that asked for it through {@link RoutedReplicaReads} while the {@link ReplicaMonitor} allows it,
 * a read-only primary connection for any other read-only transaction (as before there was a replica: only work that
 * says it may be behind is sent there) and whenever the replica cannot give a connection.
 */
final class ReplicaRouting extends AbstractDataSource {

    private final DataSource primary;
    private final DataSource replica;
    private final ReplicaMonitor monitor;

    ReplicaRouting(DataSource primary, DataSource replica, ReplicaMonitor monitor) {
        this.primary = primary;
        this.replica = replica;
        this.monitor = monitor;
    }

    @Override
    public Connection getConnection() throws SQLException {
        RoutedReplicaReads.Scope scope = RoutedReplicaReads.current();
        if (scope != null && scope.mayUseReplica() && monitor.usable()) {
            try {
                Connection connection = replica.getConnection();
                scope.servedBy(true);
                monitor.served(true);
                return connection;
            } catch (SQLException e) {
                monitor.unreachable(e);
            }
        }
        Connection connection = primary.getConnection();
        // LazyConnectionDataSourceProxy leaves read-only mode to this data source; the pool resets it on return.
        connection.setReadOnly(true);
        if (scope != null) {
            scope.servedBy(false);
            monitor.served(false);
        }
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("the routing data source uses the pools' own credentials");
    }
}
