__attribute__((import_name("renamed"))) void local_name(void);
void _start(void) { local_name(); }
