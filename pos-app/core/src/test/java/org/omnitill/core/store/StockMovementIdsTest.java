package org.omnitill.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StockMovementIdsTest {

    @Test
    void stockMovementIdsAreHandedOutInBlocksOfAThousand() throws SQLException {
        String name = "ids-" + UUID.randomUUID();
        try (TillStore store = TillStore.openInMemory(name, Currency.getInstance("EUR"));
             Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + name, "sa", "");
             Statement sql = connection.createStatement();
             ResultSet column = sql.executeQuery("SELECT identity_cache FROM information_schema.columns"
                     + " WHERE table_name = 'STOCK_MOVEMENT' AND column_name = 'ID'")) {
            assertThat(store).isNotNull();
            assertThat(column.next()).isTrue();
            assertThat(column.getLong(1)).isEqualTo(1000);
        }
    }
}
