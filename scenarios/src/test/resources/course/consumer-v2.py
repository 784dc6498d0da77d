# The course's consumer-v2.py: a worker on the durable queue "task_queue", one task at a time
# (prefetch 1), acking each task once handled. (The group work adds a delay before the ack.)
# The only difference from the course: the port comes from AMQP_PORT (default 5672).
import os

import pika

connection = pika.BlockingConnection(
    pika.ConnectionParameters(host='localhost', port=int(os.environ.get('AMQP_PORT', '5672'))))
channel = connection.channel()

channel.queue_declare(queue='task_queue', durable=True)


def callback(ch, method, properties, body):
    print(f"Work assignment received {body.decode()}")
    ch.basic_ack(delivery_tag=method.delivery_tag)


channel.basic_qos(prefetch_count=1)
channel.basic_consume(queue='task_queue', on_message_callback=callback)

channel.start_consuming()
