package db.migration;

import io.latchkey.domain.model.user.Email;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Splits an account's address into the address as registered ({@code users.email}, where mail goes) and the
 * uniqueness key ({@code users.email_key}, see {@link Email#key()}); gives queued mails the key of their
 * recipient so they can be dropped whatever spelling queued them; and lets login failures be counted per
 * (address, device) next to per address. The key is computed by the same Java code the service uses, which SQL
 * cannot do (IDNA A-labels). Rows written before this migration hold the folded form the service used to
 * store; that is the address their mail went to and was verified at, so it stays their registered address.
 */
public class V5__Email_address_and_key extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE users ADD COLUMN email_key text");
            ddl.execute("ALTER TABLE mail_outbox ADD COLUMN recipient_key text");
            ddl.execute("ALTER TABLE login_failures ADD COLUMN owner_hash char(64)");
        }
        Map<String, String> rows = read(connection, "SELECT id::text, email FROM users ORDER BY created_at, id");
        Map<String, String> firstByKey = new HashMap<>();
        List<String> collisions = new ArrayList<>();
        for (Map.Entry<String, String> row : rows.entrySet()) {
            String key = keyOf(row.getValue());
            String first = firstByKey.putIfAbsent(key, row.getKey());
            if (first != null) {
                collisions.add("users " + first + " (" + rows.get(first) + ") and " + row.getKey() + " ("
                        + row.getValue() + ") both have the key " + key);
            }
        }
        // Two old rows can only meet here if one was stored with a domain's A-label and one with its U-label. Which
        // account is the real one is for an operator to decide (merge, or change one address): fail, changing nothing.
        if (!collisions.isEmpty()) {
            throw new IllegalStateException("V5 cannot key these accounts: their addresses are the same address now. "
                    + "Resolve each pair (delete or re-address one of them), then migrate again: "
                    + String.join("; ", collisions));
        }
        for (Map.Entry<String, String> row : rows.entrySet()) {
            String address = Normalizer.normalize(row.getValue().strip(), Normalizer.Form.NFC);
            update(connection, "UPDATE users SET email = ?, email_key = ? WHERE id = ?::uuid", address,
                    keyOf(row.getValue()), row.getKey());
        }
        for (Map.Entry<String, String> row : read(connection, "SELECT id::text, recipient FROM mail_outbox").entrySet()) {
            update(connection, "UPDATE mail_outbox SET recipient_key = ? WHERE id = ?::uuid", keyOf(row.getValue()),
                    row.getKey());
        }
        try (Statement ddl = connection.createStatement()) {
            // Existing counts are per address; their key hash may differ from the new key's for IDN domains, which
            // only means those counts start again (they are forgotten within the hour anyway).
            ddl.execute("UPDATE login_failures SET owner_hash = address_hash");
            ddl.execute("ALTER TABLE login_failures ALTER COLUMN owner_hash SET NOT NULL");
            ddl.execute("CREATE INDEX login_failures_by_owner ON login_failures (owner_hash)");
            ddl.execute("COMMENT ON COLUMN login_failures.address_hash IS "
                    + "'SHA-256 of the address key, or of the key and a device id for a per-device count'");
            ddl.execute("COMMENT ON COLUMN login_failures.owner_hash IS 'SHA-256 of the address key'");
            ddl.execute("ALTER TABLE users ALTER COLUMN email_key SET NOT NULL");
            ddl.execute("DROP INDEX users_email_key");
            ddl.execute("CREATE UNIQUE INDEX users_by_email_key ON users (email_key)");
            ddl.execute("COMMENT ON COLUMN users.email IS 'the address as registered (NFC, trimmed): every mail goes here'");
            ddl.execute("COMMENT ON COLUMN users.email_key IS 'uniqueness key of the address, never a recipient'");
            ddl.execute("ALTER TABLE mail_outbox ALTER COLUMN recipient_key SET NOT NULL");
            ddl.execute("DROP INDEX mail_outbox_by_recipient");
            ddl.execute("CREATE INDEX mail_outbox_by_recipient_key ON mail_outbox (recipient_key)");
        }
    }

    private static String keyOf(String stored) {
        try {
            return new Email(Normalizer.normalize(stored.strip(), Normalizer.Form.NFC)).key();
        } catch (IllegalArgumentException notAnAddress) {
            return stored;
        }
    }

    private static Map<String, String> read(Connection connection, String query) throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Statement select = connection.createStatement(); ResultSet result = select.executeQuery(query)) {
            while (result.next()) {
                rows.put(result.getString(1), result.getString(2));
            }
        }
        return rows;
    }

    private static void update(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
