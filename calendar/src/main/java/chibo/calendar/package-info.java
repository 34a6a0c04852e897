/**
 * Vietnam's working-day calendar.
 *
 * <p>Party regulations set many deadlines in working days ("ngày làm việc"): Saturdays, Sundays and public
 * holidays do not count. Holidays move every year (Tết and Giỗ Tổ Hùng Vương follow the lunar calendar, and the
 * government fixes the exact days off by a yearly notice), so they are kept as data in
 * {@code chibo/calendar/vn-public-holidays.csv}, one row per day off, each row citing its legal source.
 * {@link chibo.calendar.WorkingDayCalendar} reads that file and answers the date arithmetic; for the years the file
 * does not list (1930–2100) it computes the holidays by the labour rules then in force, Tết and Giỗ Tổ Hùng Vương
 * from {@link chibo.calendar.VietnameseLunarCalendar}.
 */
package chibo.calendar;
