import { render } from 'preact';
import { PaperLensDatabase } from '../../src/db/database';
import { ReadingListApp } from '../../src/ui/reading-list/app';
import { followThemeSetting } from '../../src/ui/theme-setting';

followThemeSetting();
render(<ReadingListApp db={new PaperLensDatabase()} />, document.getElementById('app')!);
