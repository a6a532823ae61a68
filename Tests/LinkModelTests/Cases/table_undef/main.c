int table_size(void);
int _start(void) { return table_size(); }
