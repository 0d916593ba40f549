/** The printer's states as the kiosk reports them (CUPS's, simplified): one list for every schema. */
export const PRINTER_STATES = ['idle', 'printing', 'out-of-paper', 'offline', 'stopped', 'not-accepting', 'missing', 'no-spooler'] as const;
