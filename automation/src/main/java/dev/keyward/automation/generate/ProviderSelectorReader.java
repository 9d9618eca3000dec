package dev.keyward.automation.generate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the newest version of each {@code provider_selectors} data type of one provider. */
final class ProviderSelectorReader {

    private ProviderSelectorReader() {}

    /** Newest version per data type, in data-type order; uses idx_provider_selectors_provider_type_version. */
    static List<SelectorRow> latest(Connection c, String profileId, String providerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.data_type, s.selector_type, s.selector_value, s.verification_status, s.version
                  FROM provider_selectors s
                 WHERE s.profile_id = ? AND s.provider_id = ?
                   AND s.version = (SELECT max(n.version) FROM provider_selectors n
                                     WHERE n.profile_id = s.profile_id AND n.provider_id = s.provider_id
                                       AND n.data_type = s.data_type)
                 ORDER BY s.data_type""")) {
            ps.setString(1, profileId);
            ps.setString(2, providerId);
            try (ResultSet rs = ps.executeQuery()) {
                List<SelectorRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new SelectorRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5)));
                }
                return rows;
            }
        }
    }
}
