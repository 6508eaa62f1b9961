import { render } from 'preact';
import { PaperLensDatabase } from '../../src/db/database';
import { ReadingListApp } from '../../src/ui/reading-list/app';
import { followThemeSetting } from '../../src/ui/theme-setting';
import { checkRepliesWith } from '../../src/messaging/client';
import { readReplyResult } from '../../src/messaging/reply-reader';

followThemeSetting();
checkRepliesWith(readReplyResult);
render(<ReadingListApp db={new PaperLensDatabase()} />, document.getElementById('app')!);
