/**
 * What a provider's admin API says about a whole organisation: its key inventory, per-key daily usage
 * and daily cost, and how inventory entries are matched to vault secrets. No type here holds a key value.
 */
package dev.keyward.automation.dashboard.admin;
