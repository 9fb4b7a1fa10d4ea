import type { FakeRequest, FakeResponse } from './fake-platform-server';
import { FakeMetaGraph, graphError, graphParams, graphTime, insightsAnswer, metricParam, select, stringParam, unsupported, type GraphNode, type GraphPrincipal } from './fake-meta-graph';

export interface FakeFacebookPost {
  /** `<page-id>_<post-id>`. */
  id: string;
  pageId: string;
  message?: string;
  link?: string;
  photoIds: string[];
  published: boolean;
  createdAt: Date;
  /** Which call created it. */
  via: 'feed' | 'photos' | 'seed';
  shares: number;
  reactions: number;
  comments: number;
  /** A video post (`status_type: added_video`). */
  video?: boolean;
  /** Expired or hidden for privacy: it keeps its place in list paging but is not shown (§3.7). */
  hidden?: boolean;
  /** The post this one shares (`parent_id`). */
  parentId?: string;
}

/** Raw post insight values by metric name (numbers, or objects such as `{ paid, organic }`). */
export type FakeFacebookInsights = Record<string, number | Record<string, number>>;

/** Post metrics the Graph still serves (§3.5); any other name, the deprecated `post_impressions*` included, is refused. */
const CURRENT_POST_METRICS = [
  'post_total_media_view_unique',
  'post_media_view',
  'post_clicks',
  'post_clicks_by_type',
  'post_reactions_by_type_total',
  'post_reactions_like_total',
  'post_reactions_love_total',
  'post_reactions_wow_total',
  'post_reactions_haha_total',
  'post_reactions_sorry_total',
  'post_reactions_anger_total',
] as const;

export interface FakeFacebookPhoto {
  id: string;
  pageId: string;
  published: boolean;
  caption?: string;
  /** The public URL Facebook was told to fetch (never fetched by the fake). */
  url?: string;
  /** The bytes sent as multipart `source`. */
  upload?: { type: string; size: number };
  /** The post a published photo made, or the multi-photo post it was attached to. */
  postId?: string;
  createdAt: Date;
}

const IMAGE_TYPES = /^image\/(jpeg|png|gif|bmp|tiff|webp|heic)$/;

/**
 * Facebook Pages on loopback (`../shared/reference/platform-apis.md` §3): `POST /{page}/feed` (message, link,
 * `attached_media`), `POST /{page}/photos` (multipart `source` or `url`; published or not), 506 for the same
 * message posted again on a Page within `duplicateWindowMs`, `/{page}/published_posts`, `/posts` and `/feed`
 * lists (`since`/`until`, `limit` ≤ 100, cursors, `created_time` in `+0000`, `shares` omitted at 0),
 * post/photo nodes, comments, delete, `/{post}/insights` (current metrics only: anything else, the deprecated
 * `post_impressions*` included, is code 100; values set with `setInsights`), hidden posts that leave a list page
 * short or empty while it still has a `next`; plus everything of FakeMetaGraph (tokens, OAuth, usage headers
 * with the `pages` BUC type).
 */
export class FakeFacebook extends FakeMetaGraph {
  readonly posts: FakeFacebookPost[] = [];
  readonly photos: FakeFacebookPhoto[] = [];
  readonly comments: { id: string; postId: string; message: string; createdAt: Date }[] = [];
  /** How long an identical message on the same Page is refused with code 506. */
  duplicateWindowMs = 24 * 3_600_000;
  /** Photos above this size are refused (subcode 1366046, §3.3). */
  maxPhotoBytes = 4 * 1024 * 1024;
  /** Whether `/{page}/published_posts` filters by `since`/`until` (undocumented there, §3.7; `/feed` always does). */
  publishedPostsHonourSince = true;
  protected readonly bucType = 'pages' as const;
  private readonly insights = new Map<string, FakeFacebookInsights>();

  constructor() {
    super();
    this.graph('POST', '/:id/feed', (r, p) => this.createPost(r, p));
    this.graph('POST', '/:id/photos', (r, p) => this.createPhoto(r, p));
    for (const edge of ['published_posts', 'posts', 'feed'] as const) this.graph('GET', `/:id/${edge}`, (r, p) => this.listPosts(r, p, edge));
    this.graph('POST', '/:id/comments', (r, p) => this.comment(r, p));
    this.graph('GET', '/:id/insights', (r, p) => this.postInsights(r, p));
  }

  /** A Page managed by a (new) user: the Page token is the account's token; the user token lists Pages. */
  addPage(name: string, userName = `${name} admin`): { pageId: string; pageToken: string; userId: string; userToken: string } {
    const { userId, userToken } = this.addUser(userName);
    const page = this.addGraphPage(name, userId);
    return { pageId: page.id, pageToken: page.token, userId, userToken };
  }

  postsOf(pageId: string): FakeFacebookPost[] {
    return this.posts.filter((p) => p.pageId === pageId);
  }

  /** A post made earlier (history), with engagement counts, photos, a link or a video, possibly hidden. */
  seedPost(
    pageId: string,
    post: { message?: string; createdAt: Date; shares?: number; reactions?: number; comments?: number; photoIds?: string[]; link?: string; video?: boolean; hidden?: boolean; parentId?: string },
  ): FakeFacebookPost {
    const seeded: FakeFacebookPost = { id: `${pageId}_${this.nextId(1_220_000_000_000_000n)}`, pageId, photoIds: [], published: true, via: 'seed', shares: 0, reactions: 0, comments: 0, ...post };
    this.posts.push(seeded);
    return seeded;
  }

  /** Sets a post's insight values as `/{post-id}/insights` reports them (unset metrics read as 0). */
  setInsights(postId: string, values: FakeFacebookInsights): void {
    this.insights.set(postId, { ...this.insights.get(postId), ...values });
  }

  protected bucTarget(principal: GraphPrincipal): string | undefined {
    return principal.kind === 'page' ? principal.id : undefined;
  }

  protected override nodeOf(id: string, principal: GraphPrincipal): GraphNode | undefined {
    const post = this.posts.find((p) => p.id === id);
    if (post) return this.postNode(post);
    const photo = this.photos.find((p) => p.id === id);
    if (photo) {
      return {
        type: 'Photo',
        defaults: ['id', 'created_time'],
        fields: { id: photo.id, name: photo.caption, created_time: graphTime(photo.createdAt), link: `https://www.facebook.com/photo.php?fbid=${photo.id}`, page_story_id: photo.postId },
      };
    }
    const comment = this.comments.find((c) => c.id === id);
    if (comment) return { type: 'Comment', defaults: ['id', 'message', 'created_time'], fields: { id: comment.id, message: comment.message, created_time: graphTime(comment.createdAt) } };
    return super.nodeOf(id, principal);
  }

  protected override deleteNode(id: string, principal: GraphPrincipal): FakeResponse | undefined {
    for (const list of [this.posts, this.photos] as { id: string; pageId: string }[][]) {
      const index = list.findIndex((item) => item.id === id && this.actsFor(principal, item.pageId));
      if (index >= 0) {
        list.splice(index, 1);
        return { body: { success: true } };
      }
    }
    return undefined;
  }

  private pageFor(request: FakeRequest, principal: GraphPrincipal): string | FakeResponse {
    const pageId = request.params.id === 'me' ? principal.id : request.params.id;
    if (!this.pages.some((p) => p.id === pageId)) return unsupported('post', pageId);
    if (principal.kind !== 'page' || principal.id !== pageId) {
      return graphError(200, '(#200) If posting to a page, requires both pages_read_engagement and pages_manage_posts as an admin with sufficient administrative permission', { type: 'OAuthException' });
    }
    return pageId;
  }

  private createPost(request: FakeRequest, principal: GraphPrincipal): FakeResponse {
    const pageId = this.pageFor(request, principal);
    if (typeof pageId !== 'string') return pageId;
    const params = graphParams(request);
    const message = stringParam(params, 'message');
    const link = stringParam(params, 'link');
    const attached = parseAttachedMedia(params);
    if (attached === null) return graphError(100, '(#100) param attached_media must be an array of {"media_fbid": "<photo id>"} objects');
    if (!message && !link && attached.length === 0) return graphError(100, '(#100) Missing message or attachment');
    if (message && [...message].length > 63_206) return graphError(100, '(#100) The message is too long', { subcode: 1349125 });
    if (link && !/^https?:\/\/\S+$/i.test(link)) return graphError(100, '(#100) The link is not a valid URL', { subcode: 2061006 });
    for (const photoId of attached) {
      const photo = this.photos.find((p) => p.id === photoId && p.pageId === pageId);
      if (!photo || photo.published || photo.postId) return graphError(100, `(#100) attached_media: ${photoId} is not an unpublished photo of this Page`);
    }
    const published = stringParam(params, 'published') !== 'false';
    if (published && message && this.isDuplicate(pageId, message)) {
      return graphError(506, '(#506) Duplicate status message', {
        userTitle: 'Duplicate Status',
        userMsg: 'This status update is identical to the last one you posted. Try posting something different, or delete your previous update.',
      });
    }
    const post = this.addPost({ pageId, message, link, photoIds: attached, published, via: 'feed' });
    for (const photo of this.photos.filter((p) => attached.includes(p.id))) photo.postId = post.id;
    return { body: withReadAfterWrite(request, { id: post.id }, this.postNode(post)) };
  }

  private createPhoto(request: FakeRequest, principal: GraphPrincipal): FakeResponse {
    const pageId = this.pageFor(request, principal);
    if (typeof pageId !== 'string') return pageId;
    const params = graphParams(request);
    const file = request.files.get('source');
    const url = stringParam(params, 'url');
    if (!file && !url) return graphError(324, '(#324) Requires upload file');
    if (url && !/^https?:\/\/\S+$/i.test(url)) return graphError(100, '(#100) url should represent a valid URL', { subcode: 2061006 });
    if (file && (file.size === 0 || !IMAGE_TYPES.test(file.type))) return graphError(100, '(#100) Invalid file: only image files can be uploaded as photos', { subcode: 2069019 });
    if (file && file.size > this.maxPhotoBytes) return graphError(100, '(#100) The photo is too large', { subcode: 1366046, userTitle: 'Photo too large', userMsg: 'Photos must be under 4 MB.' });
    const published = stringParam(params, 'published') !== 'false';
    const caption = stringParam(params, 'caption') ?? stringParam(params, 'message');
    const photo: FakeFacebookPhoto = { id: this.nextId(1_230_000_000_000_000n), pageId, published, caption, url, upload: file && { type: file.type, size: file.size }, createdAt: new Date() };
    this.photos.push(photo);
    if (!published) return { body: { id: photo.id } };
    const post = this.addPost({ pageId, message: caption, photoIds: [photo.id], published: true, via: 'photos', id: `${pageId}_${photo.id}` });
    photo.postId = post.id;
    return { body: { id: photo.id, post_id: post.id } };
  }

  private listPosts(request: FakeRequest, principal: GraphPrincipal, edge: 'published_posts' | 'posts' | 'feed'): FakeResponse {
    const pageId = request.params.id === 'me' ? principal.id : request.params.id;
    if (!this.pages.some((p) => p.id === pageId)) return unsupported('get', pageId);
    if (!this.actsFor(principal, pageId)) return graphError(10, "(#10) This endpoint requires the 'pages_read_engagement' permission or the 'Page Public Content Access' feature");
    const mine = this.postsOf(pageId).filter((p) => edge === 'feed' || p.published);
    const inRange = edge === 'published_posts' && !this.publishedPostsHonourSince ? mine : this.inTimeRange(request, mine, (p) => p.createdAt);
    if (!Array.isArray(inRange)) return inRange;
    const newestFirst = [...inRange].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    return this.paged(request, newestFirst, (post) => this.postNode(post), 100, (post) => !post.hidden);
  }

  /**
   * `GET /{post-id}/insights?metric=…` (§3.5): lifetime values; a metric that is not current (the deprecated
   * `post_impressions*`, `page_*`, typos) fails the whole call with code 100, as the Graph does.
   */
  private postInsights(request: FakeRequest, principal: GraphPrincipal): FakeResponse {
    const post = this.posts.find((p) => p.id === request.params.id);
    if (!post || !this.actsFor(principal, post.pageId)) return unsupported('get', request.params.id);
    const metrics = metricParam(request);
    if (metrics.length === 0) return graphError(3001, '(#3001) Invalid query: no metric was specified', { subcode: 1504028 });
    if (metrics.some((m) => !(CURRENT_POST_METRICS as readonly string[]).includes(m))) return graphError(100, '(#100) The value must be a valid insights metric');
    const period = request.query.get('period');
    if (period && period !== 'lifetime') return graphError(100, '(#100) The value must be a valid insights period');
    const values = this.insights.get(post.id) ?? {};
    return insightsAnswer(post.id, metrics, (name) => values[name] ?? (name.endsWith('_by_type') || name.endsWith('_by_type_total') ? {} : 0));
  }

  private comment(request: FakeRequest, principal: GraphPrincipal): FakeResponse {
    const post = this.posts.find((p) => p.id === request.params.id);
    if (!post || !this.actsFor(principal, post.pageId)) return unsupported('post', request.params.id);
    const message = stringParam(graphParams(request), 'message');
    if (!message) return graphError(100, '(#100) Missing message or attachment');
    const comment = { id: `${post.id.split('_')[1]}_${this.nextId(1_240_000_000_000_000n)}`, postId: post.id, message, createdAt: new Date() };
    this.comments.push(comment);
    post.comments += 1;
    return { body: { id: comment.id } };
  }

  private isDuplicate(pageId: string, message: string): boolean {
    const since = Date.now() - this.duplicateWindowMs;
    return this.postsOf(pageId).some((p) => p.published && p.message?.trim() === message.trim() && p.createdAt.getTime() >= since);
  }

  private addPost(post: Pick<FakeFacebookPost, 'pageId' | 'message' | 'photoIds' | 'published' | 'via'> & { link?: string; id?: string }): FakeFacebookPost {
    const created: FakeFacebookPost = { shares: 0, reactions: 0, comments: 0, createdAt: new Date(), ...post, id: post.id ?? `${post.pageId}_${this.nextId(1_220_000_000_000_000n)}` };
    this.posts.push(created);
    return created;
  }

  private postNode(post: FakeFacebookPost): GraphNode {
    const page = this.pages.find((p) => p.id === post.pageId);
    const [pageId, postNumber] = post.id.split('_');
    return {
      type: 'Post',
      defaults: ['id', 'message', 'created_time'],
      fields: {
        id: post.id,
        message: post.message,
        created_time: graphTime(post.createdAt),
        updated_time: graphTime(post.createdAt),
        permalink_url: `https://www.facebook.com/${pageId}/posts/${postNumber}`,
        is_published: post.published,
        status_type: post.video ? 'added_video' : post.photoIds.length ? 'added_photos' : post.link ? 'shared_story' : 'mobile_status_update',
        parent_id: post.parentId,
        from: { id: post.pageId, name: page?.name },
        attachments: attachmentsOf(post),
        shares: post.shares > 0 ? { count: post.shares } : undefined,
        reactions: { data: [], summary: { total_count: post.reactions, viewer_reaction: 'NONE' } },
        comments: { data: [], summary: { order: 'ranked', total_count: post.comments, can_comment: true } },
      },
    };
  }
}

/** The `attachments` edge: one photo, an `album` of several, a video, or a link `share`. */
function attachmentsOf(post: FakeFacebookPost): { data: Record<string, unknown>[] } | undefined {
  const photo = (id: string) => ({ media_type: 'photo', type: 'photo', target: { id }, url: `https://www.facebook.com/photo.php?fbid=${id}` });
  if (post.video) return { data: [{ media_type: 'video', type: 'video_inline' }] };
  if (post.photoIds.length === 1) return { data: [photo(post.photoIds[0])] };
  if (post.photoIds.length > 1) return { data: [{ media_type: 'album', type: 'album', subattachments: { data: post.photoIds.map(photo) } }] };
  if (post.link) return { data: [{ media_type: 'link', type: 'share', url: post.link }] };
  return undefined;
}

/** `attached_media` as a JSON array (body), a JSON string, or form-style `attached_media[0]=…`; null if malformed. */
function parseAttachedMedia(params: Record<string, unknown>): string[] | null {
  let raw: unknown = params.attached_media;
  const indexed = Object.keys(params).filter((k) => /^attached_media\[\d+\]$/.test(k));
  if (raw === undefined && indexed.length) raw = indexed.map((k) => params[k]);
  if (raw === undefined) return [];
  try {
    const list = typeof raw === 'string' ? JSON.parse(raw) : raw;
    if (!Array.isArray(list)) return null;
    const ids = list.map((item) => (typeof item === 'string' ? JSON.parse(item) : item) as { media_fbid?: unknown });
    return ids.every((item) => typeof item?.media_fbid === 'string' || typeof item?.media_fbid === 'number') ? ids.map((item) => String(item.media_fbid)) : null;
  } catch {
    return null;
  }
}

/** The create call answers the requested `fields` too (§3.2 read-after-write); otherwise just `{ id }`. */
function withReadAfterWrite(request: FakeRequest, answer: Record<string, unknown>, node: GraphNode): Record<string, unknown> {
  if (!request.query.get('fields')) return answer;
  const selected = select(request, node);
  return selected.status ? answer : { ...answer, ...(selected.body as Record<string, unknown>) };
}
