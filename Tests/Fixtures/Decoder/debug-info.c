// Built with -g: .debug_* custom sections with their own reloc.* sections and section symbols.
extern int helper(int);
struct point { int x, y; };
static struct point origin = {0, 0};
int distance(struct point p) { return helper(p.x - origin.x) + helper(p.y - origin.y); }
