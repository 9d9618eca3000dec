package dev.keyward.vault.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.VaultErrorKind;
import dev.keyward.vault.io.Timestamps;
import dev.keyward.vault.session.VaultSession;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The profile's providers: seeded from the built-in catalog at profile creation, adjustable by
 * the user ({@code provider set}); also detects a key's provider from its format.
 */
public final class ProviderService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final VaultSession session;

    public ProviderService(VaultSession session) {
        this.session = session;
    }

    /** Inserts every catalog provider this profile does not have yet (profile creation, upgrades). */
    public static void seedFromCatalog(Connection c, String profileId, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT OR IGNORE INTO providers (id, profile_id, slug, name, website_url, docs_url, status_page_url,
                    changelog_feed_url, api_family, key_patterns_json, capabilities_json, pricing_summary, free_tier,
                    origin, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'catalog', ?, ?)""")) {
            for (CatalogProvider p : ProviderCatalog.bundled().all()) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, profileId);
                ps.setString(3, p.slug());
                ps.setString(4, p.name());
                ps.setString(5, text(p.website()));
                ps.setString(6, text(p.docsUrl()));
                ps.setString(7, text(p.statusPageUrl()));
                ps.setString(8, text(p.changelogFeedUrl()));
                ps.setString(9, p.apiFamily().dbValue());
                ps.setString(10, json(p.keyPatterns().stream().map(java.util.regex.Pattern::pattern).toList()));
                ps.setString(11, json(p.capabilities().stream().map(ProviderCapability::dbValue).sorted().toList()));
                ps.setString(12, p.pricingSummary());
                if (p.freeTier() == null) {
                    ps.setNull(13, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(13, p.freeTier() ? 1 : 0);
                }
                ps.setString(14, now);
                ps.setString(15, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * After the automation schema is applied: fills dashboard and API URLs from the catalog
     * where the user has not set their own.
     */
    public static void seedAutomationColumns(Connection c, String profileId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE providers SET dashboard_url = coalesce(dashboard_url, ?), api_base_url = coalesce(api_base_url, ?),
                       dashboard_supported = ?
                 WHERE profile_id = ? AND slug = ?""")) {
            for (CatalogProvider p : ProviderCatalog.bundled().all()) {
                ps.setString(1, text(p.dashboardUrl()));
                ps.setString(2, text(p.apiBaseUrl()));
                ps.setInt(3, p.apiFamily() != ApiFamily.NONE ? 1 : 0);
                ps.setString(4, profileId);
                ps.setString(5, p.slug());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public List<ProviderInfo> list() {
        boolean automation = session.automationEnabled();
        return session.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(select(automation) + " WHERE profile_id = ? ORDER BY name")) {
                ps.setString(1, session.profileId());
                return infos(ps, automation);
            }
        });
    }

    public ProviderInfo get(String slug) {
        boolean automation = session.automationEnabled();
        return session.database().read(c -> require(c, slug, automation));
    }

    public ProviderInfo require(Connection c, String slug, boolean automation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(select(automation) + " WHERE profile_id = ? AND slug = ?")) {
            ps.setString(1, session.profileId());
            ps.setString(2, slug);
            List<ProviderInfo> found = infos(ps, automation);
            if (found.isEmpty()) {
                throw unknown(slug);
            }
            return found.get(0);
        }
    }

    /** Points a provider elsewhere; URL fields of the automation schema enable it first. */
    public ProviderInfo update(String slug, ProviderUpdate update) {
        for (String url : new String[] {update.apiBaseUrl(), update.dashboardUrl(), update.statusPageUrl(), update.changelogFeedUrl()}) {
            validateUrl(url);
        }
        if (update.touchesAutomation()) {
            session.enableAutomation();
        }
        boolean automation = session.automationEnabled();
        return session.database().write(c -> {
            ProviderInfo current = require(c, slug, automation);
            StringBuilder sql = new StringBuilder("UPDATE providers SET updated_at = ?");
            List<Object> args = new ArrayList<>(List.of(Timestamps.now(session.clock())));
            add(sql, args, "status_page_url", update.statusPageUrl());
            add(sql, args, "changelog_feed_url", update.changelogFeedUrl());
            add(sql, args, "api_base_url", update.apiBaseUrl());
            add(sql, args, "dashboard_url", update.dashboardUrl());
            add(sql, args, "discovery_enabled", update.discoveryEnabled() == null ? null : update.discoveryEnabled() ? 1 : 0);
            add(sql, args, "dashboard_supported", update.dashboardSupported() == null ? null : update.dashboardSupported() ? 1 : 0);
            sql.append(" WHERE profile_id = ? AND id = ?");
            args.add(session.profileId());
            args.add(current.id());
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                ps.executeUpdate();
            }
            session.audit().record(c, "provider", "update", "provider", current.id(), Map.of("slug", slug));
            return require(c, slug, automation);
        });
    }

    /** The catalog provider whose key format matches {@code value}, most specific first. */
    public Optional<String> detect(char[] value) {
        return KeyFormatDetector.bundled().detect(value);
    }

    public String requireId(Connection c, String slug) throws SQLException {
        String id = idOfSlug(c, slug);
        if (id == null) {
            throw unknown(slug);
        }
        return id;
    }

    public String idOfSlug(Connection c, String slug) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM providers WHERE profile_id = ? AND slug = ?")) {
            ps.setString(1, session.profileId());
            ps.setString(2, slug);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    public String idOf(Connection c, String slugOrNull) throws SQLException {
        return slugOrNull == null ? null : idOfSlug(c, slugOrNull);
    }

    public String slugOf(Connection c, String providerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT slug FROM providers WHERE profile_id = ? AND id = ?")) {
            ps.setString(1, session.profileId());
            ps.setString(2, providerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static NotFoundException unknown(String slug) {
        return new NotFoundException(VaultErrorKind.PROVIDER_NOT_FOUND, ErrorFacts.of(Fact.PROVIDER, slug));
    }

    static void validateUrl(String url) {
        if (url == null || url.isEmpty()) {
            return;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new InvalidInputException("'" + url + "' is not an http(s) URL with a host; nothing was changed.");
        }
    }

    private static void add(StringBuilder sql, List<Object> args, String column, Object value) {
        if (value != null) {
            sql.append(", ").append(column).append(" = ?");
            args.add(value instanceof String s && s.isEmpty() ? null : value);
        }
    }

    private static String select(boolean automation) {
        return "SELECT id, slug, name, website_url, docs_url, status_page_url, changelog_feed_url, api_family, "
                + "capabilities_json, pricing_summary, free_tier, "
                + (automation ? "dashboard_url, api_base_url, dashboard_supported, discovery_enabled" : "NULL, NULL, NULL, NULL")
                + " FROM providers";
    }

    private static List<ProviderInfo> infos(PreparedStatement ps, boolean automation) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<ProviderInfo> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new ProviderInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), list(rs.getString(9)),
                        rs.getString(10), bool(rs, 11), rs.getString(12), rs.getString(13),
                        automation ? bool(rs, 14) : null, automation ? bool(rs, 15) : null));
            }
            return out;
        }
    }

    private static Boolean bool(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v == 1;
    }

    private static List<String> list(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static String text(URI uri) {
        return uri == null ? null : uri.toString();
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
