void missing(void);
extern int missing_data;
int _start(void) { missing(); return missing_data; }
