package chibo.contracts.organization;

/**
 * Levels of the organisation tree. Before 01/07/2025: central, province, district, grassroots, cell. From
 * 01/07/2025 (QĐ 294-QĐ/TW) there is no district level; commune, ward and special-zone committees sit directly
 * under the province.
 */
public enum OrgLevel {
    /** Ban Chấp hành Trung ương / Central Organisation Commission. */
    CENTRAL,
    /** Tỉnh ủy, thành ủy. */
    PROVINCE,
    /** Huyện ủy, quận ủy, thị ủy: abolished from 01/07/2025. */
    DISTRICT,
    /** Đảng bộ xã, phường, đặc khu. */
    COMMUNE,
    /** Đảng bộ cơ sở. */
    GRASSROOTS,
    /** Chi bộ cơ sở: a grassroots organisation that is itself a cell and holds members. */
    GRASSROOTS_CELL,
    /** Chi bộ trực thuộc: a cell under a grassroots committee; holds members. */
    CELL;

    /** Whether members belong directly to an organisation of this level. */
    public boolean holdsMembers() {
        return this == CELL || this == GRASSROOTS_CELL;
    }
}
