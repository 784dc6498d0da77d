# The course's producer-v2.py: a persistent task on the durable queue "task_queue".
# Differences from the course: the port comes from AMQP_PORT (default 5672), and pika 1.2
# has no pika.DeliveryMode, so the persistent delivery mode is written as 2.
import os

import pika

connection = pika.BlockingConnection(
    pika.ConnectionParameters(host='localhost', port=int(os.environ.get('AMQP_PORT', '5672'))))
channel = connection.channel()

channel.queue_declare(queue='task_queue', durable=True)

message = 'PAYROLL_RUN_ID'
channel.basic_publish(
    exchange='',
    routing_key='task_queue',
    body=message,
    properties=pika.BasicProperties(delivery_mode=2))
print(f"Event sent: {message}")

connection.close()
