import { Type, type Static } from 'typebox';
import { Moderation } from '../contributions/schemas.js';

const Id = Type.String({ maxLength: 64 });
export const CommentParams = Type.Object({ id: Id }, { additionalProperties: false });

export const CreateCommentBody = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: 10_000, description: 'Markdown.' }),
    parentId: Type.Optional(Type.String({ maxLength: 64, description: 'Reply to this top-level comment (threads are two levels deep).' })),
  },
  { additionalProperties: false },
);
export type CreateCommentBody = Static<typeof CreateCommentBody>;
export const UpdateCommentBody = Type.Object({ body: CreateCommentBody.properties.body }, { additionalProperties: false });

export const Comment = Type.Object({
  id: Type.String(),
  contributionId: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  author: Type.Object({ id: Type.String(), name: Type.String() }),
  body: Type.String({ description: 'Markdown as written; empty for readers of a hidden comment.' }),
  bodyHtml: Type.String({ description: 'Rendered and sanitised; empty for readers of a hidden comment.' }),
  revision: Type.Integer(),
  edited: Type.Boolean(),
  hidden: Type.Boolean(),
  moderation: Type.Union([Moderation, Type.Null()], { description: 'Why it is hidden; for its author and the hosts.' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  me: Type.Object({ isAuthor: Type.Boolean(), canEdit: Type.Boolean() }),
});
export type Comment = Static<typeof Comment>;
export const Thread = Type.Object({ ...Comment.properties, replies: Type.Array(Comment) });
export const ThreadPage = Type.Object({ items: Type.Array(Thread), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export const CommentRevisions = Type.Object({
  items: Type.Array(Type.Object({ revision: Type.Integer(), body: Type.String(), editor: Type.Object({ id: Type.String(), name: Type.String() }), createdAt: Type.String({ format: 'date-time' }) })),
});
